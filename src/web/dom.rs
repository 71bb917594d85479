//! Plain element trees for output that is redrawn whole: charts, tables, cards, texts.
//!
//! Every distinct `view!` tree is its own Rust type, and tachys compiles build, rebuild and
//! unmount code for each one: the charts alone cost ~50 KB of gzipped wasm that way. Output
//! regions are described instead as one untyped tree (`El`), redrawn by one effect per region
//! and patched into the page by a single non-generic function that touches only what changed.
//! Number fields are drawn the same way (their value is the input's property, see
//! [`set_value`]), and so are buttons ([`action`]), selects and `<details>` ([`LazyDetails`]).
//! A region sits in a `view!` (`Region`, `Drawn`) or, on the compact path, which has no
//! `view!`, in plain DOM ([`region`], with [`div_in`] and [`draw_in`] for the rest).

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// An element: tag, attributes (already text) and children.
#[derive(PartialEq)]
pub struct El {
    tag: &'static str,
    attrs: Vec<(&'static str, String)>,
    kids: Vec<Node>,
}

/// A child: an element or a text.
#[derive(PartialEq)]
pub enum Node {
    El(El),
    Text(String),
}

impl From<El> for Node {
    fn from(e: El) -> Node {
        Node::El(e)
    }
}

impl From<String> for Node {
    fn from(s: String) -> Node {
        Node::Text(s)
    }
}

impl From<&str> for Node {
    fn from(s: &str) -> Node {
        Node::Text(s.to_owned())
    }
}

/// A new element named `tag` (SVG elements are recognised by being inside an `<svg>`).
pub fn el(tag: &'static str) -> El {
    El {
        tag,
        attrs: Vec::new(),
        kids: Vec::new(),
    }
}

impl El {
    /// Sets an attribute to a text.
    pub fn attr(mut self, name: &'static str, value: impl Into<String>) -> El {
        self.attrs.push((name, value.into()));
        self
    }

    /// Sets an attribute to a whole number; coordinates are whole so no float is formatted.
    pub fn at(self, name: &'static str, value: i32) -> El {
        self.attr(name, value.to_string())
    }

    /// The class attribute.
    pub fn class(self, value: impl Into<String>) -> El {
        self.attr("class", value)
    }

    /// Appends a child element or text.
    pub fn child(mut self, kid: impl Into<Node>) -> El {
        self.kids.push(kid.into());
        self
    }

    /// Appends children.
    pub fn kids<N: Into<Node>>(mut self, kids: impl IntoIterator<Item = N>) -> El {
        self.kids.extend(kids.into_iter().map(Into::into));
        self
    }

    fn attr_value(&self, name: &str) -> Option<&String> {
        self.attrs.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    fn build(&self, doc: &web_sys::Document, svg: bool) -> web_sys::Node {
        let svg = svg || self.tag == "svg";
        let made = if svg {
            doc.create_element_ns(Some(SVG_NS), self.tag)
        } else {
            doc.create_element(self.tag)
        };
        // Tags are our own literals, so creation cannot fail; a text node stands in if it did.
        let Ok(e) = made else {
            return doc.create_text_node("").unchecked_into();
        };
        // An input's "value" attribute is also its value until a person types.
        for (name, value) in &self.attrs {
            let _ = e.set_attribute(name, value);
        }
        for kid in &self.kids {
            let node = match kid {
                Node::El(k) => k.build(doc, svg),
                Node::Text(t) => doc.create_text_node(t).unchecked_into(),
            };
            let _ = e.append_child(&node);
        }
        // A select's "value" is no attribute: its choice, once its options are there.
        if let (true, Some(v)) = (self.tag == "select", self.attr_value("value")) {
            e.unchecked_ref::<web_sys::HtmlSelectElement>().set_value(v);
        }
        e.unchecked_into()
    }
}

/// Shorthand for `<tag>text</tag>`.
pub fn text(tag: &'static str, value: impl Into<String>) -> El {
    el(tag).child(Node::Text(value.into()))
}

/// A table with a header row of column names and body rows, the first cell of each a row
/// header.
pub fn table(head: Vec<String>, rows: Vec<(String, Vec<String>)>) -> El {
    let th = |s: String| text("th", s).attr("scope", "col");
    el("table")
        .child(el("thead").child(el("tr").kids(head.into_iter().map(th))))
        .child(el("tbody").kids(rows.into_iter().map(|(name, cells)| {
            el("tr")
                .child(text("th", name).attr("scope", "row"))
                .kids(cells.into_iter().map(|c| text("td", c)))
        })))
}

/// Replaces `host`'s children with `kids`, drawn afresh (for the error panel, whose host
/// holds anything before).
pub fn draw(host: &web_sys::Element, kids: &[El]) {
    let Some(doc) = host.owner_document() else {
        return;
    };
    let fresh = js_sys::Array::new();
    for k in kids {
        fresh.push(&k.build(&doc, false));
    }
    host.replace_children_with_node(&fresh);
}

/// Appends `el`, drawn once, to `parent`.
pub fn draw_in(parent: &web_sys::Node, el: El) {
    if let Some(doc) = parent.owner_document() {
        let _ = parent.append_child(&el.build(&doc, false));
    }
}

/// Brings `host`'s children, drawn from `old`, in line with `new` (see [`patch`]).
pub fn redraw(host: &web_sys::Element, old: Vec<El>, new: Vec<El>) {
    let Some(doc) = host.owner_document() else {
        return;
    };
    let (old, new): (Vec<Node>, Vec<Node>) = (
        old.into_iter().map(Node::El).collect(),
        new.into_iter().map(Node::El).collect(),
    );
    patch(&doc, host, &old, &new, false);
}

/// Brings `parent`'s children, drawn from `old`, in line with `new`: only what differs is
/// touched, so a keystroke changes a few texts and attributes rather than rebuilding hundreds
/// of nodes (which cost layout time), and the focused element stays where it is.
fn patch(doc: &web_sys::Document, parent: &web_sys::Node, old: &[Node], new: &[Node], svg: bool) {
    let children = parent.child_nodes();
    for (i, n) in new.iter().enumerate() {
        let current = children.item(i as u32);
        match (old.get(i), n, current) {
            (Some(o), n, Some(_)) if o == n => {}
            (Some(Node::Text(_)), Node::Text(t), Some(dom)) => dom.set_text_content(Some(t)),
            (Some(Node::El(o)), Node::El(e), Some(dom)) if o.tag == e.tag => {
                let el: &web_sys::Element = dom.unchecked_ref();
                for (name, value) in &e.attrs {
                    if o.attr_value(name) != Some(value) {
                        if *name == "value" && e.tag == "input" {
                            set_value(el, value);
                        } else if *name == "value" && e.tag == "select" {
                            el.unchecked_ref::<web_sys::HtmlSelectElement>()
                                .set_value(value);
                        } else {
                            let _ = el.set_attribute(name, value);
                        }
                    }
                }
                for (name, _) in &o.attrs {
                    if e.attr_value(name).is_none() {
                        let _ = el.remove_attribute(name);
                    }
                }
                // A checkbox's `checked` attribute is only its default: what it shows is the
                // property, set whenever the drawing changes it.
                let checked = e.attr_value("checked").is_some();
                if e.tag == "input" && o.attr_value("checked").is_some() != checked {
                    el.unchecked_ref::<web_sys::HtmlInputElement>()
                        .set_checked(checked);
                }
                patch(doc, &dom, &o.kids, &e.kids, svg || e.tag == "svg");
            }
            (_, n, current) => {
                let fresh = match n {
                    Node::El(e) => e.build(doc, svg),
                    Node::Text(t) => doc.create_text_node(t).unchecked_into(),
                };
                let _ = match current {
                    Some(dom) => parent.replace_child(&fresh, &dom),
                    None => parent.append_child(&fresh),
                };
            }
        }
    }
    while children.length() > new.len() as u32 {
        if let Some(last) = parent.last_child() {
            let _ = parent.remove_child(&last);
        }
    }
}

/// Shows a newly drawn `value` in a number input or slider: the property, what a person sees
/// (the attribute is only the default). Left alone when the input already reads as that
/// number, so a person typing "1." or "1e1" keeps their text.
fn set_value(el: &web_sys::Element, value: &str) {
    let input: &web_sys::HtmlInputElement = el.unchecked_ref();
    let shown = js_sys::Number::from(input.value_as_number()).to_string_with_radix(10);
    if shown.ok().is_none_or(|t| t != value) {
        input.set_value(value);
    }
}

/// Handles an `input` event of an `<input>` inside a region (delegated, as clicks are).
pub type OnInput = Box<dyn Fn(web_sys::HtmlInputElement)>;

/// Handles a drawn `<select>`'s choice (its `input` event).
pub type OnSelect = Box<dyn Fn(web_sys::HtmlSelectElement)>;

/// Handles a drawn `<details>` opening or closing (its `toggle` event, which does not
/// bubble, so the region hears it in the capture phase).
pub type OnToggle = Box<dyn Fn(web_sys::Element)>;

/// Handles a click inside a region, given the nearest element matching the region's
/// `clickable` selector; clicks are delegated because the region's nodes are redrawn.
pub type OnClick = Box<dyn Fn(web_sys::Element, web_sys::MouseEvent)>;

/// Where a `view!` element is kept once built: `use:hold=slot` puts it there. A directive and
/// a stored value of a type the calculator has already (`Ctx::host`'s), not a `NodeRef`, whose
/// signal cost 0.2 KB of gzipped wasm on the compact download and 0.8 KB on the full one
/// (measured). The effects that read a slot run first on the next tick (Leptos's contract for
/// `Effect::new`), after the view that fills the slot is built.
pub type Slot = StoredValue<Option<web_sys::HtmlElement>, LocalStorage>;

/// The `use:hold` directive: keeps `el` (a `<div>`) in `slot`.
pub fn hold(el: web_sys::Element, slot: Slot) {
    slot.set_value(Some(el.unchecked_into()));
}

/// What a region draws, and how it answers events: a [`Region`]'s props, to draw one without
/// `view!` too ([`region`]).
pub struct Drawing {
    /// The container's class (the container is laid out by the stylesheet).
    pub class: &'static str,
    /// Draws the contents; reading signals inside subscribes the region to them.
    pub render: Box<dyn Fn() -> Vec<El>>,
    /// Which drawn elements react to clicks (a CSS selector), and how.
    pub on_click: Option<(&'static str, OnClick)>,
    /// What a drawn `<input>`'s `input` event does.
    pub on_input: Option<OnInput>,
}

impl Drawing {
    /// Draws `render` in a container of class `class`, answering no events.
    pub fn new(class: &'static str, render: impl Fn() -> Vec<El> + 'static) -> Drawing {
        Drawing {
            class,
            render: Box::new(render),
            on_click: None,
            on_input: None,
        }
    }

    /// What draws, and the events it answers.
    fn parts(self) -> (Box<dyn Fn() -> Vec<El>>, Handlers) {
        let handlers = Handlers {
            on_click: self.on_click,
            on_input: self.on_input,
            on_select: None,
            on_toggle: None,
        };
        (self.render, handlers)
    }
}

/// A region without `view!`: a `<div>` appended to `parent`, drawn as [`Region`] draws.
pub fn region(parent: &web_sys::Node, drawing: Drawing) {
    if let Some(div) = div_in(parent, drawing.class) {
        let (render, handlers) = drawing.parts();
        drawn_in(StoredValue::new_local(Some(div)), render, handlers, None);
    }
}

/// A `<div>` of class `class` (none if empty) appended to `parent`.
pub fn div_in(parent: &web_sys::Node, class: &str) -> Option<web_sys::HtmlElement> {
    let div: web_sys::HtmlElement = parent
        .owner_document()?
        .create_element("div")
        .ok()?
        .unchecked_into();
    if !class.is_empty() {
        div.set_class_name(class);
    }
    parent.append_child(&div).ok()?;
    Some(div)
}

/// A region in a `view!`, drawn from a [`Drawing`].
#[component]
pub fn Drawn(
    /// What it draws and how it answers events.
    drawing: Drawing,
) -> impl IntoView {
    let (class, host): (_, Slot) = (drawing.class, StoredValue::new_local(None));
    let (render, handlers) = drawing.parts();
    drawn_in(host, render, handlers, None);
    view! { <div class=class use:hold=host></div> }
}

/// A `<div>` whose contents `render` draws from signals, redrawn whenever they change.
#[component]
pub fn Region(
    /// The container's class (the container is laid out by the stylesheet).
    #[prop(optional)]
    class: &'static str,
    /// Draws the contents; reading signals inside subscribes the region to them.
    render: Box<dyn Fn() -> Vec<El>>,
    /// Which drawn elements react to clicks (a CSS selector), and how.
    #[prop(optional)]
    on_click: Option<(&'static str, OnClick)>,
    /// What a drawn `<input>`'s `input` event does.
    #[prop(optional)]
    on_input: Option<OnInput>,
    /// What choosing in a drawn `<select>` does.
    #[prop(optional)]
    on_select: Option<OnSelect>,
    /// What opening or closing a drawn `<details>` does.
    #[prop(optional)]
    on_toggle: Option<OnToggle>,
    /// Draws nothing until this is true: a step of the full layout's first render (one of
    /// `Ctx::steps`).
    #[prop(optional)]
    after: Option<RwSignal<bool>>,
) -> impl IntoView {
    let host: Slot = StoredValue::new_local(None);
    let handlers = Handlers {
        on_click,
        on_input,
        on_select,
        on_toggle,
    };
    drawn_in(host, render, handlers, after);
    view! { <div class=class use:hold=host></div> }
}

/// Draws `render` into the element `host` holds (once it does), again whenever what it read
/// changes, and listens for `handlers`' events there.
fn drawn_in(
    host: Slot,
    render: Box<dyn Fn() -> Vec<El>>,
    handlers: Handlers,
    after: Option<RwSignal<bool>>,
) {
    // The listeners go on the container once it is built, and come off with the region: the
    // effect owns them, and the effect goes with the region.
    let mut listeners: Vec<Listener> = Vec::new();
    let mut unattached = Some(handlers);
    // What it drew last, to patch the next drawing against.
    let mut drawn: Vec<Node> = Vec::new();
    effect(move || {
        let Some(h) = host.get_value() else { return };
        if let Some(handlers) = unattached.take() {
            listeners.extend(listen(&h, handlers));
        }
        if after.is_some_and(|reached| !reached.get()) {
            drawn.clear();
            return;
        }
        let Some(doc) = h.owner_document() else {
            return;
        };
        let kids: Vec<Node> = render().into_iter().map(Node::El).collect();
        patch(&doc, &h, &drawn, &kids, false);
        drawn = kids;
    });
}

/// An event listener on a region's container, removed (and its closure freed) when dropped.
/// Not `on:` in `view!`: that links tachys's event code, its global delegation map included,
/// and regions are the only elements with handlers (measured, gzipped: −3.7 KB on the compact
/// wasm, −8.7 KB on the full one once its last `on:`s went).
struct Listener {
    target: web_sys::Element,
    name: &'static str,
    capture: bool,
    callback: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        let f = self.callback.as_ref().unchecked_ref();
        let _ =
            self.target
                .remove_event_listener_with_callback_and_bool(self.name, f, self.capture);
    }
}

/// What a region does with the events of what it drew.
struct Handlers {
    on_click: Option<(&'static str, OnClick)>,
    on_input: Option<OnInput>,
    on_select: Option<OnSelect>,
    on_toggle: Option<OnToggle>,
}

/// Listens on `target` for the events a region handles.
fn listen(target: &web_sys::Element, handlers: Handlers) -> Vec<Listener> {
    let Handlers {
        on_click,
        on_input,
        on_select,
        on_toggle,
    } = handlers;
    let on = |name, capture, handle: Box<dyn FnMut(web_sys::Event)>| {
        let callback = Closure::wrap(handle);
        let f = callback.as_ref().unchecked_ref();
        let _ = target.add_event_listener_with_callback_and_bool(name, f, capture);
        Listener {
            target: target.clone(),
            name,
            capture,
            callback,
        }
    };
    let mut out = Vec::new();
    if let Some(handle) = on_toggle {
        out.push(on(
            "toggle",
            true,
            Box::new(move |ev| {
                if let Some(d) = ev.target().and_then(|t| t.dyn_into().ok()) {
                    handle(d);
                }
            }),
        ));
    }
    if let Some((selector, handle)) = on_click {
        out.push(on(
            "click",
            false,
            Box::new(move |ev| {
                let target = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                if let Some(hit) = target.and_then(|t| t.closest(selector).ok().flatten()) {
                    handle(hit, ev.unchecked_into());
                }
            }),
        ));
    }
    if on_input.is_some() || on_select.is_some() {
        out.push(on(
            "input",
            false,
            Box::new(move |ev| {
                let Some(target) = ev.target() else {
                    return;
                };
                match (target.dyn_into::<web_sys::HtmlInputElement>(), &on_input) {
                    (Ok(i), Some(handle)) => handle(i),
                    (Ok(_), None) => {}
                    (Err(t), _) => {
                        if let (Ok(s), Some(handle)) = (t.dyn_into(), &on_select) {
                            handle(s);
                        }
                    }
                }
            }),
        ));
    }
    out
}

/// A button that a region's click handler tells apart by its `data-action`.
pub fn action(name: &'static str, label: String, disabled: bool) -> El {
    let button = text("button", label)
        .attr("type", "button")
        .attr("data-action", name);
    if disabled {
        button.attr("disabled", "")
    } else {
        button
    }
}

/// A whole number a drawn element carries in a `data-` attribute (0 when absent).
pub fn data_index(e: &web_sys::Element, name: &str) -> usize {
    e.get_attribute(name)
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// A `<details>` whose contents are drawn only while it is open: closed, nobody can see them,
/// and drawing them on every keystroke would cost more than what is on screen.
#[component]
pub fn LazyDetails(
    /// The `<details>`' class.
    class: &'static str,
    /// The summary's text.
    summary: String,
    /// The class of the element holding the contents (a scrolling table, say).
    #[prop(optional)]
    inner_class: &'static str,
    /// Draws the contents while open.
    render: Box<dyn Fn() -> Vec<El>>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let draw = move || {
        let contents = if open.get() { render() } else { Vec::new() };
        let inner = el("div").class(inner_class).kids(contents);
        vec![el("details")
            .class(class)
            .child(text("summary", summary.as_str()))
            .child(inner)]
    };
    let toggled: OnToggle = Box::new(move |d| open.set(d.has_attribute("open")));
    view! { <Region class="contents" render=Box::new(draw) on_toggle=toggled /> }
}

/// Runs `f` now and again whenever a signal it read changes, until its owner goes: Leptos's
/// `Effect::new`, with every closure behind one type, so the wasm holds one copy of the
/// effect's machinery instead of one per closure (~1 KB of raw wasm each, measured). State
/// kept from run to run lives in the closure itself.
pub fn effect(f: impl FnMut() + 'static) {
    let mut f: Box<dyn FnMut()> = Box::new(f);
    Effect::new(move |_| f());
}

/// The error panel: a heading and what went wrong, one line each. Plain DOM, so a panic can
/// draw it too.
pub fn error_panel(title: &str, lines: &[String]) -> El {
    el("section")
        .class("tierwise error")
        .attr("role", "alert")
        .attr("part", "error")
        .child(text("h2", title))
        .child(el("ul").kids(lines.iter().map(|l| text("li", l.as_str()))))
}
