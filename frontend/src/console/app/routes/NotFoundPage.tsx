import { Link } from "react-router";

import { Page } from "../../components/layouts/Page";

export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <p>
        Nothing is here. <Link to="/">Go to the console's overview</Link>.
      </p>
    </Page>
  );
}
