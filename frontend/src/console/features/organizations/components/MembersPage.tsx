import { useState } from "react";
import { useParams } from "react-router";
import { useQuery } from "urql";

import { Button } from "../../../components/Button";
import { ConfirmButton } from "../../../components/ConfirmButton";
import { SelectField, TextField } from "../../../components/Field";
import { Form, FormError } from "../../../components/Form";
import { ErrorNotice, Loading, Notice } from "../../../components/Notice";
import { Pager } from "../../../components/Pager";
import { TableScroll } from "../../../components/TableScroll";
import { Time } from "../../../components/Time";
import { Page, Section } from "../../../components/layouts/Page";
import { getFragmentData, type FragmentType } from "../../../gql";
import type { Role } from "../../../gql/graphql";
import { errorMessage, formErrors } from "../../../lib/errors";
import { options, roleLabels } from "../../../lib/labels";
import { useApiMutation } from "../../../lib/mutation";
import { usePaging } from "../../../lib/paging";
import { useViewer } from "../../auth/viewer";
import { useMembership } from "../membership";
import { CancelInvitationMutation, ChangeMemberRoleMutation, InvitationsQuery, InviteMemberMutation, MemberItemFragment, MembersQuery, RemoveMemberMutation } from "../operations";
import { OrganizationGate } from "./OrganizationGate";

export function MembersPage() {
  const { orgId = "" } = useParams();
  const owner = useMembership(orgId)?.role === "OWNER";
  const paging = usePaging();
  const [result, refetch] = useQuery({ query: MembersQuery, variables: { id: orgId, ...paging.variables } });
  const reload = () => refetch({ requestPolicy: "network-only" });
  return (
    <OrganizationGate title="Members" result={result}>
      {(organization) => (
        <Page title={`Members of ${organization.name}`}>
          <Section title="Members">
            {organization.members ? (
              <>
                <TableScroll label="Members, oldest first">
                  <table>
                    <caption className="visually-hidden">Members, oldest first</caption>
                    <thead>
                      <tr>
                        <th scope="col">Member</th>
                        <th scope="col">Role</th>
                        <th scope="col">Multi-factor</th>
                        <th scope="col">Joined</th>
                        {owner && <th scope="col">Actions</th>}
                      </tr>
                    </thead>
                    <tbody>
                      {organization.members.edges.map((edge) => (
                        <MemberRow key={edge.node.id} member={edge.node} organizationId={organization.id} owner={owner} onChange={reload} />
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
                <Pager label="Pages of members" pageInfo={organization.members.pageInfo} totalCount={organization.members.totalCount} paging={paging} fetching={result.fetching} />
                {organization.mfaEnforced && organization.mfaLevel === "PHISHING_RESISTANT" && (
                  <p className="muted">
                    {organization.name} requires passkeys: a member whose multi-factor authentication is on with an authenticator app or SMS codes only
                    is blocked all the same.
                  </p>
                )}
              </>
            ) : (
              <ErrorNotice message={errorMessage(result.error) ?? "The members could not be loaded."} />
            )}
          </Section>
          {owner && <Invitations organizationId={organization.id} />}
        </Page>
      )}
    </OrganizationGate>
  );
}

function MemberRow({ member: ref, organizationId, owner, onChange }: { member: FragmentType<typeof MemberItemFragment>; organizationId: string; owner: boolean; onChange: () => void }) {
  const member = getFragmentData(MemberItemFragment, ref);
  const { viewer } = useViewer();
  const [role, setRole] = useState<Role>(member.role);
  const [roleState, changeRole] = useApiMutation(ChangeMemberRoleMutation);
  const [removeState, remove] = useApiMutation(RemoveMemberMutation);
  const self = member.user.id === viewer.id;
  const error = formErrors(roleState.error ?? removeState.error).form;
  return (
    <tr>
      <td>
        {member.user.name}
        {self && <span className="muted"> (you)</span>}
        <br />
        <span className="muted">{member.user.email}</span>
      </td>
      <td>{roleLabels[member.role]}</td>
      <td>{member.user.mfaEnabled ? (member.user.hasPasskey ? "On, with a passkey" : "On") : <strong>Off</strong>}</td>
      <td><Time value={member.createdAt} /></td>
      {owner && (
        <td>
          {!self && (
            <div className="row-actions">
              <SelectField label={`Role of ${member.user.name}`} value={role} onChange={(e) => setRole(e.target.value as Role)} options={options(roleLabels)} />
              <Button variant="secondary" loading={roleState.fetching} disabled={role === member.role} onClick={() => void changeRole({ input: { organizationId, userId: member.user.id, role } }).then((r) => r.data && onChange())}>
                Change role
              </Button>
              <ConfirmButton label={`Remove ${member.user.name}`} title={`Remove ${member.user.name}?`} question="They lose access at once; the API keys they created are revoked." confirmLabel="Remove" loading={removeState.fetching} onConfirm={() => remove({ input: { organizationId, userId: member.user.id } }).then((r) => r.data && onChange())} />
            </div>
          )}
          <FormError message={error} />
        </td>
      )}
    </tr>
  );
}

function Invitations({ organizationId }: { organizationId: string }) {
  const paging = usePaging();
  const [result, refetch] = useQuery({ query: InvitationsQuery, variables: { id: organizationId, ...paging.variables } });
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("MANAGER");
  const [sent, setSent] = useState<string | null>(null);
  const [inviteState, invite] = useApiMutation(InviteMemberMutation);
  const [cancelState, cancel] = useApiMutation(CancelInvitationMutation);
  const errors = formErrors(inviteState.error, ["email", "role"]);
  const reload = () => refetch({ requestPolicy: "network-only" });
  const submit = async () => {
    const outcome = await invite({ input: { organizationId, email: email.trim(), role } });
    if (outcome.data) {
      setSent(outcome.data.inviteMember.email);
      setEmail("");
      reload();
    }
  };
  const invitations = result.data?.organization.invitations;
  return (
    <Section title="Invitations" description="An invitation is mailed with a link; the invitee signs in (or signs up) with that address, verifies it, and accepts.">
      <Form onSubmit={submit} error={errors.form} label="Invite someone">
        <TextField label="E-mail address to invite" name="email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={errors.fields.email} required />
        <SelectField label="Role" value={role} onChange={(e) => setRole(e.target.value as Role)} options={options(roleLabels)} error={errors.fields.role} />
        <Button type="submit" loading={inviteState.fetching}>
          Send the invitation
        </Button>
        {sent && <Notice tone="success">Invitation sent to {sent}.</Notice>}
      </Form>
      <h3>Pending</h3>
      <FormError message={formErrors(cancelState.error).form} />
      {!invitations ? (
        result.error ? <ErrorNotice message={errorMessage(result.error) ?? ""} /> : <Loading />
      ) : invitations.edges.length === 0 ? (
        <p>No pending invitation.</p>
      ) : (
        <>
          <ul className="item-list">
            {invitations.edges.map(({ node }) => (
              <li key={node.id}>
                <span>
                  {node.email} · {roleLabels[node.role]} · until <Time value={node.expiresAt} />
                </span>
                <Button variant="secondary" loading={cancelState.fetching} onClick={() => void cancel({ input: { id: node.id } }).then((r) => r.data && reload())}>
                  Cancel invitation to {node.email}
                </Button>
              </li>
            ))}
          </ul>
          <Pager label="Pages of invitations" pageInfo={invitations.pageInfo} totalCount={invitations.totalCount} paging={paging} />
        </>
      )}
    </Section>
  );
}
