import { Link, useNavigate } from "react-router";
import { useQuery } from "urql";

import { Button } from "../../../components/Button";
import { FormError } from "../../../components/Form";
import { ErrorNotice, Loading, Notice } from "../../../components/Notice";
import { Time } from "../../../components/Time";
import { Page } from "../../../components/layouts/Page";
import { rememberOrganization } from "../../../lib/current-organization";
import { errorMessage, formErrors } from "../../../lib/errors";
import { roleLabels } from "../../../lib/labels";
import { useFragmentParam } from "../../../lib/links";
import { useApiMutation } from "../../../lib/mutation";
import { useViewer } from "../../auth/viewer";
import { ResendVerification } from "../../auth/components/EmailVerification";
import { AcceptInvitationMutation, MyInvitationsQuery } from "../operations";

/** Pending invitations for the signed-in address, with Accept; the mailed link (#id=…)
 * lands here and puts its invitation first. */
export function InvitationsList({ highlight }: { highlight?: string | null }) {
  const navigate = useNavigate();
  const { viewer, refresh } = useViewer();
  const [result] = useQuery({ query: MyInvitationsQuery, variables: { first: 50 }, pause: !viewer.emailVerified, requestPolicy: "cache-and-network" });
  const [state, accept] = useApiMutation(AcceptInvitationMutation);
  if (!viewer.emailVerified) {
    return (
      <Notice tone="warning">
        Verify your address ({viewer.email}) to see and accept invitations: open the link we mailed you. <ResendVerification />
      </Notice>
    );
  }
  if (!result.data) return result.error ? <ErrorNotice message={errorMessage(result.error) ?? ""} /> : <Loading label="Loading invitations…" />;
  const invitations = result.data.myInvitations.edges.map((e) => e.node);
  invitations.sort((a, b) => (a.id === highlight ? -1 : b.id === highlight ? 1 : 0));
  const onAccept = async (id: string) => {
    const outcome = await accept({ input: { id } });
    const organization = outcome.data?.acceptInvitation.organization;
    if (organization) {
      rememberOrganization(organization.id);
      refresh();
      void navigate(`/orgs/${organization.id}`);
    }
  };
  return (
    <>
      <FormError message={formErrors(state.error).form} />
      {highlight && !invitations.some((i) => i.id === highlight) && (
        <ErrorNotice message={`This invitation is not open for ${viewer.email}: it may have expired, been cancelled or accepted, or been sent to another address.`} />
      )}
      {invitations.length === 0 ? (
        <p>No invitation is waiting for you.</p>
      ) : (
        <ul className="item-list">
          {invitations.map((invitation) => (
            <li key={invitation.id} className={invitation.id === highlight ? "highlight" : undefined}>
              <span>
                <strong>{invitation.organization.name}</strong> invites you as {roleLabels[invitation.role].toLowerCase()} · until <Time value={invitation.expiresAt} />
              </span>
              <Button loading={state.fetching} onClick={() => void onAccept(invitation.id)}>
                Accept the invitation to {invitation.organization.name}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function InvitationPage() {
  const id = useFragmentParam("id");
  return (
    <Page title="Your invitation">
      <InvitationsList highlight={id} />
      <p>
        <Link to="/">Go to the console</Link>
      </p>
    </Page>
  );
}
