import { useState } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { useQuery } from "urql";

import { Button } from "../../../components/Button";
import { ConfirmButton } from "../../../components/ConfirmButton";
import { Checkbox, SelectField, TextField } from "../../../components/Field";
import { Form, FormError } from "../../../components/Form";
import { ErrorNotice, Loading, Notice } from "../../../components/Notice";
import { Time } from "../../../components/Time";
import { Page, Section } from "../../../components/layouts/Page";
import { rememberOrganization } from "../../../lib/current-organization";
import { errorMessage, formErrors } from "../../../lib/errors";
import type { MfaLevel } from "../../../gql/graphql";
import { mfaLevelLabels, options, roleLabels } from "../../../lib/labels";
import { useApiMutation } from "../../../lib/mutation";
import { useViewer } from "../../auth/viewer";
import { useMembership } from "../membership";
import {
  DeleteOrganizationMutation,
  LeaveOrganizationMutation,
  MfaStatusQuery,
  OrganizationOverviewQuery,
  RenameOrganizationMutation,
  SendMfaReminderMutation,
  SetMfaEnforcementMutation,
} from "../operations";
import { OrganizationGate } from "./OrganizationGate";

export function OrganizationOverviewPage() {
  const { orgId = "" } = useParams();
  const membership = useMembership(orgId);
  const [result] = useQuery({ query: OrganizationOverviewQuery, variables: { id: orgId } });
  // Set by the page that sent the reader here (another organization was just deleted).
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  return (
    <OrganizationGate title="Organization" result={result}>
      {(organization) => (
        // Keyed: going from one organization to another starts the forms afresh, instead of
        // keeping the name typed for the last one.
        <Page key={organization.id} title={organization.name} intro={membership ? `Your role here: ${roleLabels[membership.role].toLowerCase()}.` : undefined}>
          {notice && <Notice tone="success">{notice}</Notice>}
          <dl className="facts">
            <dt>Created</dt>
            <dd><Time value={organization.createdAt} /></dd>
            <dt>Multi-factor authentication</dt>
            <dd>
              {!organization.mfaEnforced
                ? "Not required"
                : organization.mfaLevel === "PHISHING_RESISTANT"
                  ? "Required of every member: passkeys only"
                  : "Required of every member"}
            </dd>
          </dl>
          {membership?.role === "OWNER" && <RenameForm id={organization.id} name={organization.name} />}
          <MfaEnforcement id={organization.id} owner={membership?.role === "OWNER"} />
          <Leave id={organization.id} name={organization.name} />
          {membership?.role === "OWNER" && <DeleteOrganization id={organization.id} name={organization.name} />}
        </Page>
      )}
    </OrganizationGate>
  );
}

function RenameForm({ id, name: current }: { id: string; name: string }) {
  const { refresh } = useViewer();
  const [name, setName] = useState(current);
  const [done, setDone] = useState(false);
  const [state, rename] = useApiMutation(RenameOrganizationMutation);
  const errors = formErrors(state.error, ["name"]);
  const submit = async () => {
    setDone(false);
    const result = await rename({ input: { organizationId: id, name: name.trim() } });
    if (result.data) {
      setDone(true);
      refresh();
    }
  };
  return (
    <Section title="Name">
      <Form onSubmit={submit} error={errors.form} label="Rename the organization">
        <TextField label="Organization name" name="name" value={name} onChange={(e) => setName(e.target.value)} error={errors.fields.name} required />
        <Button type="submit" loading={state.fetching}>
          Rename
        </Button>
        {done && <Notice tone="success">Renamed.</Notice>}
      </Form>
    </Section>
  );
}

function MfaEnforcement({ id, owner }: { id: string; owner: boolean }) {
  const { viewer } = useViewer();
  const [result, refetch] = useQuery({ query: MfaStatusQuery, variables: { id } });
  const [graceDays, setGraceDays] = useState("0");
  const [enforce, setEnforce] = useState<boolean | null>(null);
  const [level, setLevel] = useState<MfaLevel | null>(null);
  const [state, setEnforcement] = useApiMutation(SetMfaEnforcementMutation);
  const [reminderState, remind] = useApiMutation(SendMfaReminderMutation);
  const errors = formErrors(state.error, ["gracePeriodDays", "enforced", "level"]);
  const organization = result.data?.organization;
  if (!organization) return result.error ? <ErrorNotice message={errorMessage(result.error) ?? ""} /> : <Loading />;
  const members = organization.members?.edges.map((e) => e.node.user) ?? [];
  const passkeysOnly = organization.mfaEnforced && organization.mfaLevel === "PHISHING_RESISTANT";
  // Who the enforcement blocks: under passkeys only, an authenticator app does not count.
  const without = members.filter((u) => (passkeysOnly ? !u.hasPasskey : !u.mfaEnabled));
  const enforced = enforce ?? organization.mfaEnforced;
  const chosenLevel = level ?? organization.mfaLevel;
  const submit = async () => {
    const input = { organizationId: id, enforced, gracePeriodDays: Number(graceDays) || 0, level: enforced ? chosenLevel : undefined };
    const outcome = await setEnforcement({ input });
    if (outcome.data) {
      setEnforce(null);
      setLevel(null);
      refetch({ requestPolicy: "network-only" });
    }
  };
  return (
    <Section title="Multi-factor authentication for every member" description="When required, members without it lose access to this organization (after the grace period, if you give one) and are told by e-mail.">
      <p>
        {organization.mfaEnforced ? (passkeysOnly ? "Required now: passkeys only" : "Required now") : "Not required"}
        {organization.mfaGraceUntil && (
          <>
            {" "}
            · members without it keep access until <Time value={organization.mfaGraceUntil} />
          </>
        )}
        .
      </p>
      <h3>
        {passkeysOnly ? "Members without a passkey" : "Members without multi-factor authentication"} ({without.length})
      </h3>
      {without.length === 0 ? (
        <p>{passkeysOnly ? "Every member has a passkey." : "Every member has it on."}</p>
      ) : (
        <ul className="plain-list">
          {without.map((u) => (
            <li key={u.id}>
              {u.name} ({u.email})
            </li>
          ))}
        </ul>
      )}
      {passkeysOnly && (
        <p className="muted">
          Passkeys only: members whose second factor is an authenticator app or SMS codes are blocked too, and are listed above. Their reminder says a
          passkey is needed.
        </p>
      )}
      {owner && (
        <>
          {!viewer.mfaEnabled && <Notice tone="warning">Turn on multi-factor authentication for yourself first: only owners who use it may require it.</Notice>}
          <Form onSubmit={submit} error={errors.form} label="Multi-factor enforcement">
            <Checkbox label="Require multi-factor authentication of every member" checked={enforced} onChange={(e) => setEnforce(e.target.checked)} error={errors.fields.enforced} />
            {enforced && (
              <SelectField
                label="What counts"
                name="level"
                value={chosenLevel}
                onChange={(e) => setLevel(e.target.value as MfaLevel)}
                options={options(mfaLevelLabels)}
                error={errors.fields.level}
                hint="Passkeys only: an authenticator app or SMS code typed into a look-alike site is given away; a passkey works only on this site. You need a passkey yourself to choose it."
              />
            )}
            {enforced && !organization.mfaEnforced && (
              <TextField label="Grace period in days" name="gracePeriodDays" type="number" min={0} max={90} inputMode="numeric" value={graceDays} onChange={(e) => setGraceDays(e.target.value)} error={errors.fields.gracePeriodDays} hint="0 to 90: members without it keep working meanwhile and are reminded." />
            )}
            <Button type="submit" loading={state.fetching}>
              Save
            </Button>
          </Form>
          {organization.mfaEnforced && without.length > 0 && (
            <p>
              <Button variant="secondary" loading={reminderState.fetching} onClick={() => void remind({ input: { organizationId: id } })}>
                Remind them by e-mail
              </Button>{" "}
              {reminderState.data?.sendMfaReminder && <span role="status">Reminders sent.</span>}
              <FormError message={formErrors(reminderState.error).form} />
            </p>
          )}
        </>
      )}
    </Section>
  );
}

function Leave({ id, name }: { id: string; name: string }) {
  const navigate = useNavigate();
  const { refresh } = useViewer();
  const [state, leave] = useApiMutation(LeaveOrganizationMutation);
  const onLeave = async () => {
    const result = await leave({ input: { organizationId: id } });
    if (result.data?.leaveOrganization) {
      rememberOrganization(null);
      refresh();
      void navigate("/", { replace: true });
    }
  };
  return (
    <Section title="Leave">
      <FormError message={formErrors(state.error).form} />
      <ConfirmButton label="Leave this organization" title={`Leave ${name}?`} question="You will lose access to it. The API keys you created are revoked. The last owner cannot leave." confirmLabel="Leave" onConfirm={onLeave} loading={state.fetching} />
      <p className="muted">
        Looking for something else? <Link to={`/orgs/${id}/members`}>Members</Link>, <Link to={`/orgs/${id}/api-keys`}>API keys</Link>.
      </p>
    </Section>
  );
}

/** The danger zone, for owners: the organization's name typed out enables the button (the
 * server checks it again). Then the console goes to another organization, or to the
 * overview, which says there is none. */
function DeleteOrganization({ id, name }: { id: string; name: string }) {
  const navigate = useNavigate();
  const { viewer, refresh } = useViewer();
  const [typed, setTyped] = useState("");
  const [state, remove] = useApiMutation(DeleteOrganizationMutation);
  const errors = formErrors(state.error, ["confirmName"]);
  const matches = typed === name;
  const submit = async () => {
    if (!matches) return;
    const result = await remove({ input: { organizationId: id, confirmName: typed } });
    if (!result.data?.deleteOrganization) return;
    rememberOrganization(null);
    const next = viewer.memberships.edges.map((e) => e.node.organization).find((o) => o.id !== id);
    refresh();
    const notice = `${name} is deleted, with everything in it; its members are told by e-mail.`;
    void navigate(next ? `/orgs/${next.id}` : "/", { replace: true, state: { notice } });
  };
  return (
    <Section title="Delete this organization" tone="danger">
      <p>
        This cannot be undone. Its members, invitations, API keys, contacts, quotas, support grants, abuse cases, identity
        documents and audit log are deleted with it, and every member is told by e-mail.
      </p>
      <Form onSubmit={submit} error={errors.form} label="Delete this organization">
        <TextField
          label={`To confirm, type “${name}”`}
          name="confirmName"
          autoComplete="off"
          spellCheck={false}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          error={errors.fields.confirmName}
          hint="The button works once the name matches exactly."
          required
        />
        <Button type="submit" variant="danger" disabled={!matches} loading={state.fetching}>
          Delete {name}
        </Button>
      </Form>
    </Section>
  );
}
