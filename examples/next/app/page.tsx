// A server component: the page and the element's markup are rendered on the server; the
// calculator comes alive when the client component hydrates.
import { Pricing } from './pricing';

export default function Page() {
  return (
    <main>
      <h1>Tallyho pricing</h1>
      <p>Community is free. Business and Cloud add single sign-on and audit logs. Which one pays off?</p>
      <Pricing />
    </main>
  );
}
