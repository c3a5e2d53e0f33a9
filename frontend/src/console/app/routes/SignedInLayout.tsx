// The signed-in part of the console: who is signed in (me), the navigation, live security
// events, the re-authentication dialog, and the way back to the sign-in page when the
// session ends for any reason.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Navigate, NavLink, Outlet, useLocation, useNavigate, useParams } from "react-router";
import { useQuery } from "urql";

import { Button } from "../../components/Button";
import { Notice, Loading, ErrorNotice } from "../../components/Notice";
import { ReauthenticationProvider } from "../../features/auth/components/ReauthenticationProvider";
import { LogOutMutation, ViewerQuery } from "../../features/auth/operations";
import { ViewerContext, type Viewer } from "../../features/auth/viewer";
import { useSecurityEvents, type SecurityEvent } from "../../features/live/useSecurityEvents";
import { SESSION_ENDED } from "../../lib/client";
import { rememberedOrganization, rememberOrganization } from "../../lib/current-organization";
import { errorCode, errorMessage } from "../../lib/errors";
import { useApiMutation } from "../../lib/mutation";
import { SessionEndContext, type SessionEnd } from "../../lib/session-end";
import { useResetClient } from "../provider";

export function SignedInLayout() {
  const location = useLocation();
  const [result, refetch] = useQuery({ query: ViewerQuery, requestPolicy: "cache-and-network" });
  const refresh = useCallback(() => refetch({ requestPolicy: "network-only" }), [refetch]);
  const viewer = result.data?.me;
  if (!viewer) {
    if (result.fetching || (!result.error && !result.data)) return <Loading label="Opening the console…" />;
    if (errorCode(result.error) === "UNAUTHENTICATED") {
      const next = location.pathname + location.search + location.hash;
      const reason = location.hash ? "&reason=sign-in-first" : "";
      return <Navigate to={`/login?next=${encodeURIComponent(next)}${reason}`} replace />;
    }
    return (
      <main id="main" className="auth-main">
        <ErrorNotice message={errorMessage(result.error) ?? "The console could not load your account."} />
        <Button onClick={refresh}>Try again</Button>
      </main>
    );
  }
  return (
    <ViewerContext.Provider value={{ viewer, refresh }}>
      <ReauthenticationProvider viewer={viewer}>
        <Shell viewer={viewer} refresh={refresh} />
      </ReauthenticationProvider>
    </ViewerContext.Provider>
  );
}

function Shell({ viewer, refresh }: { viewer: Viewer; refresh: () => void }) {
  const navigate = useNavigate();
  const resetClient = useResetClient();
  const leaving = useRef(false);
  // Signing out or deleting the account ends the session, which the socket reports too:
  // say why ("signed out", "account deleted"), not "revoked".
  const endingFor = useRef<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The menu (on narrow screens) closes when the reader goes to another page.
  const location = useLocation();
  const [menuOpenAt, setMenuOpenAt] = useState<string | null>(null);
  const menuOpen = menuOpenAt === location.pathname;

  const leave = useCallback(
    (reason: string) => {
      if (leaving.current) return;
      leaving.current = true;
      void navigate(`/login?reason=${reason}`, { replace: true });
      resetClient();
    },
    [navigate, resetClient],
  );

  // Any answer that says the session is gone (it was revoked while the socket was down, say).
  useEffect(() => {
    const ended = () => leave(endingFor.current ?? "ended");
    window.addEventListener(SESSION_ENDED, ended);
    return () => window.removeEventListener(SESSION_ENDED, ended);
  }, [leave]);

  const onEvent = useCallback(
    (event: SecurityEvent) => {
      if (endingFor.current && (event.kind === "SESSION_REVOKED" || event.kind === "SESSION_EXPIRED")) return;
      if (event.kind === "SESSION_REVOKED") leave("revoked");
      else if (event.kind === "SESSION_EXPIRED") leave("expired");
      else if (event.kind === "PASSWORD_CHANGED") setNotice("Your password was just changed. If it was not you, reset it now.");
      else if (event.kind === "MFA_ENFORCED") {
        setNotice("One of your organizations now requires multi-factor authentication.");
        refresh();
      }
    },
    [leave, refresh],
  );
  useSecurityEvents(onEvent);

  const [logOutState, logOut] = useApiMutation(LogOutMutation);
  const signOut = async () => {
    endingFor.current = "signed-out";
    const result = await logOut({});
    if (result.data?.logOut || errorCode(result.error) === "UNAUTHENTICATED") leave("signed-out");
    else endingFor.current = null;
  };
  const sessionEnd = useMemo<SessionEnd>(
    () => ({
      expect: (reason) => {
        endingFor.current = reason;
      },
      leave,
    }),
    [leave],
  );

  return (
    <div className="app-layout">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <span className="brand">AccountQL</span>
        <Button variant="secondary" className="menu-button" aria-expanded={menuOpen} aria-controls="console-nav" onClick={() => setMenuOpenAt(menuOpen ? null : location.pathname)}>
          Menu
        </Button>
        <span className="whoami">
          <span className="muted">Signed in as</span> {viewer.email}
        </span>
        <Button variant="secondary" onClick={() => void signOut()} loading={logOutState.fetching}>
          Sign out
        </Button>
      </header>
      <div className="app-body">
        <Navigation viewer={viewer} open={menuOpen} />
        <main id="main" className="app-main" tabIndex={-1}>
          {notice && (
            <Notice tone="warning">
              {notice}{" "}
              <Button variant="link" onClick={() => setNotice(null)}>
                Dismiss
              </Button>
            </Notice>
          )}
          <SessionEndContext.Provider value={sessionEnd}>
            <Outlet />
          </SessionEndContext.Provider>
        </main>
      </div>
    </div>
  );
}

const ORGANIZATION_PAGES = [
  ["", "Overview"],
  ["members", "Members"],
  ["api-keys", "API keys"],
  ["contacts", "Contacts"],
  ["support", "Support"],
  ["quotas", "Quotas"],
  ["kyc", "Identity verification"],
  ["abuse", "Abuse cases"],
  ["audit-log", "Audit log"],
] as const;

function Navigation({ viewer, open }: { viewer: Viewer; open: boolean }) {
  const { orgId } = useParams();
  const memberships = viewer.memberships.edges.map((e) => e.node);
  const remembered = rememberedOrganization();
  const current = useMemo(() => {
    const wanted = orgId ?? remembered;
    return memberships.find((m) => m.organization.id === wanted) ?? null;
  }, [orgId, remembered, memberships]);
  useEffect(() => {
    if (orgId && memberships.some((m) => m.organization.id === orgId)) rememberOrganization(orgId);
  }, [orgId, memberships]);
  return (
    <nav id="console-nav" className={`app-nav${open ? " open" : ""}`} aria-label="Console">
      <h2 className="nav-heading">Your account</h2>
      <ul>
        <li><NavLink to="/" end>Overview</NavLink></li>
        <li><NavLink to="/profile">Profile</NavLink></li>
        <li><NavLink to="/security">Security</NavLink></li>
        <li><NavLink to="/sessions">Sessions and logins</NavLink></li>
        <li><NavLink to="/ssh-keys">SSH keys</NavLink></li>
        <li><NavLink to="/activity">Activity</NavLink></li>
        <li><NavLink to="/report-abuse">Report abuse</NavLink></li>
      </ul>
      <h2 className="nav-heading">Organizations</h2>
      <ul>
        {memberships.map((m) => (
          <li key={m.organization.id}>
            <NavLink to={`/orgs/${m.organization.id}`} end>
              {m.organization.name}
              {current?.organization.id === m.organization.id && <span className="muted"> (current)</span>}
            </NavLink>
          </li>
        ))}
        <li><NavLink to="/orgs/new">New organization</NavLink></li>
      </ul>
      {current && (
        <>
          <h2 className="nav-heading">{current.organization.name}</h2>
          <ul>
            {ORGANIZATION_PAGES.filter(([path]) => path !== "").map(([path, label]) => (
              <li key={path}>
                <NavLink to={`/orgs/${current.organization.id}/${path}`}>{label}</NavLink>
              </li>
            ))}
          </ul>
        </>
      )}
    </nav>
  );
}
