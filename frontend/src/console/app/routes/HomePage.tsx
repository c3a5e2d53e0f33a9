import { Link, useLocation } from "react-router";

import { Notice } from "../../components/Notice";
import { Time } from "../../components/Time";
import { Page, Section } from "../../components/layouts/Page";
import { ResendVerification } from "../../features/auth/components/EmailVerification";
import { useViewer } from "../../features/auth/viewer";
import { InvitationsList } from "../../features/organizations/components/InvitationPage";
import { mfaMethodLabels, roleLabels } from "../../lib/labels";

export function HomePage() {
  const { viewer } = useViewer();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const memberships = viewer.memberships.edges.map((e) => e.node);
  return (
    <Page title={`Welcome, ${viewer.name}`}>
      {notice && <Notice tone="success">{notice}</Notice>}
      {!viewer.emailVerified && (
        <Notice tone="warning">
          Your address {viewer.email} is not verified yet: open the link we mailed you. Until then you cannot accept invitations
          nor receive notices. <ResendVerification />
        </Notice>
      )}
      <Section title="Multi-factor authentication">
        <p>
          {viewer.mfaEnabled ? `On (${mfaMethodLabels[viewer.mfaMethod]}).` : "Off: your password alone protects your account."}{" "}
          <Link to="/security">{viewer.mfaEnabled ? "Manage it" : "Turn it on"}</Link>
        </p>
      </Section>
      <Section title="Your organizations">
        {memberships.length === 0 ? (
          <p>You belong to no organization yet.</p>
        ) : (
          <ul className="item-list">
            {memberships.map((m) => (
              <li key={m.id}>
                <span>
                  <Link to={`/orgs/${m.organization.id}`}>{m.organization.name}</Link> · {roleLabels[m.role]}
                  {m.organization.mfaEnforced && !viewer.mfaEnabled && (
                    <strong className="badge warn">
                      {m.organization.mfaGraceUntil && new Date(m.organization.mfaGraceUntil) > new Date() ? (
                        <>
                          Needs MFA by <Time value={m.organization.mfaGraceUntil} />
                        </>
                      ) : (
                        "Blocked until you turn on MFA"
                      )}
                    </strong>
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to="/orgs/new">Create an organization</Link>
        </p>
      </Section>
      <Section title="Invitations">
        <InvitationsList />
      </Section>
    </Page>
  );
}
