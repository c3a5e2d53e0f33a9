import { Outlet } from "react-router";

/** The pages before signing in, and the pages mailed links open. */
export function AuthLayout() {
  return (
    <div className="auth-layout">
      <header className="brand-bar">
        <span className="brand">AccountQL</span>
      </header>
      <main id="main" className="auth-main">
        <Outlet />
      </main>
    </div>
  );
}
