//! The browser entry point: Trunk builds this for the demo page.

#[cfg(target_arch = "wasm32")]
fn main() {
    tierwise::web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("tierwise-web runs in the browser: serve it with `trunk serve`");
    std::process::exit(2);
}
