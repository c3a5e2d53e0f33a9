import { Link, useNavigate } from "react-router";

import { ConfirmButton } from "../../../components/ConfirmButton";
import { FormError } from "../../../components/Form";
import { Time } from "../../../components/Time";
import { Page } from "../../../components/layouts/Page";
import type { OrganizationHeadFragment } from "../../../gql/graphql";
import { rememberOrganization } from "../../../lib/current-organization";
import { formErrors } from "../../../lib/errors";
import { useApiMutation } from "../../../lib/mutation";
import { useViewer } from "../../auth/viewer";
import { LeaveOrganizationMutation } from "../operations";

/** What a member without MFA sees of an organization that requires it: its name, why, and
 * the ways out (turn MFA on, or leave). The API still lets them read these four fields. */
export function BlockedView({ organization }: { organization: Omit<OrganizationHeadFragment, " $fragmentName"> }) {
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
      <p>It takes a minute with an authenticator app. You will then see {organization.name} again.</p>
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
    </Page>
  );
}
