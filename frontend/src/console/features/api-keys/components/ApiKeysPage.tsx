import { useState } from "react";
import { useParams } from "react-router";
import { useQuery } from "urql";

import { Button } from "../../../components/Button";
import { ConfirmButton } from "../../../components/ConfirmButton";
import { CopyButton } from "../../../components/CopyButton";
import { SelectField, TextField } from "../../../components/Field";
import { Form, FormError } from "../../../components/Form";
import { ErrorNotice, Notice } from "../../../components/Notice";
import { Pager } from "../../../components/Pager";
import { Time } from "../../../components/Time";
import { Page, Section } from "../../../components/layouts/Page";
import { getFragmentData, type FragmentType } from "../../../gql";
import type { ApiKeyAccess } from "../../../gql/graphql";
import { errorMessage, formErrors } from "../../../lib/errors";
import { accessLabels, options } from "../../../lib/labels";
import { useApiMutation } from "../../../lib/mutation";
import { usePaging } from "../../../lib/paging";
import { OrganizationGate } from "../../organizations/components/OrganizationGate";
import { ApiKeyItemFragment, ApiKeysQuery, CreateApiKeyMutation, RevokeApiKeyMutation } from "../operations";

export function ApiKeysPage() {
  const { orgId = "" } = useParams();
  const paging = usePaging();
  const [result, refetch] = useQuery({ query: ApiKeysQuery, variables: { id: orgId, ...paging.variables } });
  const reload = () => refetch({ requestPolicy: "network-only" });
  return (
    <OrganizationGate title="API keys" result={result}>
      {(organization) => (
        <Page title={`API keys of ${organization.name}`} intro="A key acts for the organization, not for you. No key manages members, roles, MFA enforcement or other keys.">
          <CreateKey organizationId={organization.id} onCreated={reload} />
          <Section title="Keys">
            {organization.apiKeys ? (
              organization.apiKeys.edges.length === 0 ? (
                <p>No key yet.</p>
              ) : (
                <>
                  <ul className="item-list" aria-label="API keys">
                    {organization.apiKeys.edges.map(({ node }) => (
                      <KeyRow key={node.id} apiKey={node} onRevoked={reload} />
                    ))}
                  </ul>
                  <Pager label="Pages of API keys" pageInfo={organization.apiKeys.pageInfo} totalCount={organization.apiKeys.totalCount} paging={paging} fetching={result.fetching} />
                </>
              )
            ) : (
              <ErrorNotice message={errorMessage(result.error) ?? "The keys could not be loaded."} />
            )}
          </Section>
        </Page>
      )}
    </OrganizationGate>
  );
}

function CreateKey({ organizationId, onCreated }: { organizationId: string; onCreated: () => void }) {
  const [name, setName] = useState("");
  const [access, setAccess] = useState<ApiKeyAccess>("READ_ONLY");
  const [expires, setExpires] = useState("");
  const [state, create, reset] = useApiMutation(CreateApiKeyMutation);
  const errors = formErrors(state.error, ["name", "access", "expiresAt"]);
  const created = state.data?.createApiKey;
  const submit = async () => {
    const expiresAt = expires ? new Date(`${expires}T23:59:59`).toISOString() : null;
    const result = await create({ input: { organizationId, name: name.trim(), access, expiresAt } });
    if (result.data) {
      setName("");
      setExpires("");
      onCreated();
    }
  };
  return (
    <Section title="New key">
      {created ? (
        <div className="secret-box">
          <Notice tone="warning">
            The secret of <strong>{created.apiKey.name}</strong> is shown this once: copy it now. Only a hash is kept.
          </Notice>
          <p>
            <code className="secret" data-testid="api-key-secret">{created.secret}</code>
          </p>
          <div className="actions">
            <CopyButton text={created.secret} label="Copy the secret" />
            <Button variant="secondary" onClick={reset}>
              Done
            </Button>
          </div>
        </div>
      ) : (
        <Form onSubmit={submit} error={errors.form} label="New API key">
          <TextField label="Key name" name="name" value={name} onChange={(e) => setName(e.target.value)} error={errors.fields.name} hint="What the key is for, e.g. ci." required />
          <SelectField label="Access" value={access} onChange={(e) => setAccess(e.target.value as ApiKeyAccess)} options={options(accessLabels)} error={errors.fields.access} />
          <TextField label="Expires on (optional)" name="expiresAt" type="date" value={expires} onChange={(e) => setExpires(e.target.value)} error={errors.fields.expiresAt} hint="Leave empty for a key that does not expire." />
          <Button type="submit" loading={state.fetching}>
            Create the key
          </Button>
        </Form>
      )}
    </Section>
  );
}

function KeyRow({ apiKey: ref, onRevoked }: { apiKey: FragmentType<typeof ApiKeyItemFragment>; onRevoked: () => void }) {
  const key = getFragmentData(ApiKeyItemFragment, ref);
  const [state, revoke] = useApiMutation(RevokeApiKeyMutation);
  return (
    <li>
      <span>
        <strong>{key.name}</strong> <code>{key.prefix}…</code> · {accessLabels[key.access]}
        <br />
        <span className="muted">
          Created <Time value={key.createdAt} /> · last used <Time value={key.lastUsedAt} />
          {key.expiresAt && (
            <>
              {" "}
              · expires <Time value={key.expiresAt} />
            </>
          )}
        </span>
      </span>
      {key.revokedAt ? (
        <span className="badge">
          Revoked <Time value={key.revokedAt} />
        </span>
      ) : (
        <span>
          <ConfirmButton label={`Revoke ${key.name}`} title={`Revoke ${key.name}?`} question="Every request with it fails from now on." confirmLabel="Revoke" loading={state.fetching} onConfirm={() => revoke({ input: { id: key.id } }).then((r) => r.data && onRevoked())} />
          <FormError message={formErrors(state.error).form} />
        </span>
      )}
    </li>
  );
}
