import { useContext, useState } from "react";
import { Link, useNavigate } from "react-router";

import { ConfirmButton } from "../../../components/ConfirmButton";
import { FormError } from "../../../components/Form";
import { Time } from "../../../components/Time";
import { Page } from "../../../components/layouts/Page";
import type { OrganizationHeadFragment } from "../../../gql/graphql";
import { rememberOrganization } from "../../../lib/current-organization";
import { formErrors } from "../../../lib/errors";
import { ReauthenticationContext, useApiMutation } from "../../../lib/mutation";
import { useViewer } from "../../auth/viewer";
import { LeaveOrganizationMutation } from "../operations";

/** What a member without MFA sees of an organization that requires it: its name, why, and
 * the ways out (turn MFA on, or leave). The API still lets them read these five fields.
 * Where it requires passkeys (mfaLevel PHISHING_RESISTANT), an app or SMS codes do not
 * count: the view says a passkey is what is missing. */
export function BlockedView({ organization }: { organization: Omit<OrganizationHeadFragment, " $fragmentName"> }) {
  const { viewer } = useViewer();
  if (organization.mfaLevel === "PHISHING_RESISTANT" && viewer.passkeys.totalCount > 0) return <PasskeySessionRequired organization={organization} />;
  if (organization.mfaLevel === "PHISHING_RESISTANT") return <PasskeyRequired organization={organization} />;
  return <Blocked organization={organization} />;
}

type Head = Omit<OrganizationHeadFragment, " $fragmentName">;

function Blocked({ organization }: { organization: Head }) {
  return (
    <Page title={`${organization.name} requires multi-factor authentication`}>
      <div className="notice notice-warning blocked" role="status">
        <p>
          <strong>{organization.name}</strong> requires every member to use multi-factor authentication. Until you turn it on,
          you cannot see or change anything of this organization.
          {organization.mfaGraceUntil && (
            <>
              {" "}
              The grace period ended at <Time value={organization.mfaGraceUntil} />.
            </>
          )}
        </p>
      </div>
      <p>
        <Link className="button button-primary" to="/security">
          Turn on multi-factor authentication
        </Link>
      </p>
      <p>It takes a minute with an authenticator app or a passkey. You will then see {organization.name} again.</p>
      <LeaveBlocked organization={organization} />
    </Page>
  );
}

function PasskeyRequired({ organization }: { organization: Head }) {
  return (
    <Page title={`${organization.name} requires a passkey`}>
      <div className="notice notice-warning blocked" role="status">
        <p>
          <strong>{organization.name}</strong> requires every member to sign in with phishing-resistant multi-factor authentication: a passkey. An
          authenticator app or SMS codes do not count here, since a code typed into a look-alike site is given away. Until you add a passkey, you cannot
          see or change anything of this organization.
          {organization.mfaGraceUntil && (
            <>
              {" "}
              The grace period ended at <Time value={organization.mfaGraceUntil} />.
            </>
          )}
        </p>
      </div>
      <p>
        <Link className="button button-primary" to="/security">
          Add a passkey
        </Link>
      </p>
      <p>Your device (a phone, a laptop with a fingerprint reader or PIN) or your password manager keeps it. You will then see {organization.name} again.</p>
      <LeaveBlocked organization={organization} />
    </Page>
  );
}

/** A member who has a passkey, in a session it did not open (a password, maybe a code): the server
 * asks the session too (a phishing site gets such sessions), so confirming it with the
 * passkey is the way in. */
function PasskeySessionRequired({ organization }: { organization: Head }) {
  const confirm = useContext(ReauthenticationContext);
  const [refused, setRefused] = useState(false);
  const onConfirm = async () => {
    const proven = await confirm();
    setRefused(!proven);
    // Every query of the page answered MFA_REQUIRED and sits in the cache: load it afresh
    // (the session cookie stays), which asks the server again with the confirmed session.
    if (proven) window.location.reload();
  };
  return (
    <Page title={`${organization.name} requires a passkey session`}>
      <div className="notice notice-warning blocked" role="status">
        <p>
          <strong>{organization.name}</strong> requires phishing-resistant multi-factor authentication. You have a passkey, but this session was not opened
          with it, and a password or a code can be relayed by a look-alike site. Confirm the session with your passkey to see {organization.name}.
        </p>
      </div>
      <p>
        <button type="button" className="button button-primary" onClick={() => void onConfirm()}>
          Confirm with your passkey
        </button>
      </p>
      {refused && <p role="status">Not confirmed: choose “Confirm with a passkey” in the dialog.</p>}
      <LeaveBlocked organization={organization} />
    </Page>
  );
}

function LeaveBlocked({ organization }: { organization: Head }) {
  const navigate = useNavigate();
  const { refresh } = useViewer();
  const [leaveState, leave] = useApiMutation(LeaveOrganizationMutation);
  const onLeave = async () => {
    const result = await leave({ input: { organizationId: organization.id } });
    if (result.data?.leaveOrganization) {
      rememberOrganization(null);
      refresh();
      void navigate("/", { replace: true });
    }
  };
  return (
    <>
      <FormError message={formErrors(leaveState.error).form} />
      <ConfirmButton
        label="Leave this organization"
        title={`Leave ${organization.name}?`}
        question="You will lose access to it; an owner can invite you again."
        confirmLabel="Leave"
        onConfirm={onLeave}
        loading={leaveState.fetching}
        variant="secondary"
      />
    </>
  );
}
