import { useState } from "react";
import { useParams } from "react-router";
import { useQuery } from "urql";

import { Button } from "../../../components/Button";
import { ConfirmButton } from "../../../components/ConfirmButton";
import { CheckboxGroup, TextField } from "../../../components/Field";
import { Form, FormError } from "../../../components/Form";
import { ErrorNotice, Notice } from "../../../components/Notice";
import { Pager } from "../../../components/Pager";
import { Page, Section } from "../../../components/layouts/Page";
import type { ContactRole, ContactsQuery as ContactsData } from "../../../gql/graphql";
import { errorMessage, formErrors } from "../../../lib/errors";
import { contactRoleLabels, options } from "../../../lib/labels";
import { useApiMutation } from "../../../lib/mutation";
import { usePaging } from "../../../lib/paging";
import { OrganizationGate } from "../../organizations/components/OrganizationGate";
import { AddContactMutation, ContactsQuery, RemoveContactMutation, UpdateContactMutation } from "../operations";

const ROLE_OPTIONS = options(contactRoleLabels);

type Contact = NonNullable<ContactsData["organization"]["contacts"]>["edges"][number]["node"];

export function ContactsPage() {
  const { orgId = "" } = useParams();
  const paging = usePaging();
  const [result, refetch] = useQuery({ query: ContactsQuery, variables: { id: orgId, ...paging.variables } });
  const reload = () => refetch({ requestPolicy: "network-only" });
  return (
    <OrganizationGate title="Contacts" result={result}>
      {(organization) => (
        <Page title={`Notification contacts of ${organization.name}`} intro="Who is told what. A new address is sent a link and hears nothing until it is followed.">
          <AddContact organizationId={organization.id} onAdded={reload} />
          <Section title="Contacts">
            {!organization.contacts ? (
              <ErrorNotice message={errorMessage(result.error) ?? "The contacts could not be loaded."} />
            ) : (
              <>
                <ul className="item-list" aria-label="Contacts">
                  {organization.contacts.edges.map(({ node }) => (
                    <ContactRow key={node.id} contact={node} onChange={reload} />
                  ))}
                </ul>
                <Pager label="Pages of contacts" pageInfo={organization.contacts.pageInfo} totalCount={organization.contacts.totalCount} paging={paging} fetching={result.fetching} />
              </>
            )}
          </Section>
        </Page>
      )}
    </OrganizationGate>
  );
}

function AddContact({ organizationId, onAdded }: { organizationId: string; onAdded: () => void }) {
  const [email, setEmail] = useState("");
  const [roles, setRoles] = useState<ContactRole[]>(["TECHNICAL"]);
  const [state, add] = useApiMutation(AddContactMutation);
  const errors = formErrors(state.error, ["email", "roles"]);
  const submit = async () => {
    const result = await add({ input: { organizationId, email: email.trim(), roles } });
    if (result.data) {
      setEmail("");
      onAdded();
    }
  };
  return (
    <Section title="Add a contact">
      <Form onSubmit={submit} error={errors.form} label="Add a contact">
        <TextField label="Contact e-mail address" name="email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={errors.fields.email} required />
        <CheckboxGroup legend="What it is told about" options={ROLE_OPTIONS} value={roles} onChange={setRoles} error={errors.fields.roles} />
        <Button type="submit" loading={state.fetching}>
          Add the contact
        </Button>
        {state.data && (
          <Notice tone="success">
            Added {state.data.addContact.email}
            {state.data.addContact.confirmed ? "." : ": a confirmation link was sent to it."}
          </Notice>
        )}
      </Form>
    </Section>
  );
}

function ContactRow({ contact, onChange }: { contact: Contact; onChange: () => void }) {
  const [editing, setEditing] = useState(false);
  const [email, setEmail] = useState(contact.email);
  const [roles, setRoles] = useState<ContactRole[]>(contact.roles);
  const [updateState, update] = useApiMutation(UpdateContactMutation);
  const [removeState, remove] = useApiMutation(RemoveContactMutation);
  const errors = formErrors(updateState.error, ["email", "roles"]);
  const save = async () => {
    const input = { id: contact.id, roles, ...(email.trim() !== contact.email ? { email: email.trim() } : {}) };
    const result = await update({ input });
    if (result.data) {
      setEditing(false);
      onChange();
    }
  };
  return (
    <li className="stacked">
      <span>
        <strong>{contact.email}</strong> · {contact.roles.map((r) => contactRoleLabels[r].split(" ")[0]).join(", ")} ·{" "}
        {contact.confirmed ? "confirmed" : <strong>waiting for confirmation</strong>}
        {contact.canLogIn && <span className="muted"> · a member</span>}
      </span>
      <span className="row-actions">
        <Button variant="secondary" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
          Edit {contact.email}
        </Button>
        <ConfirmButton label={`Remove ${contact.email}`} title={`Remove ${contact.email}?`} question="It stops receiving notices. The last primary contact cannot be removed." confirmLabel="Remove" loading={removeState.fetching} onConfirm={() => remove({ input: { id: contact.id } }).then((r) => r.data && onChange())} />
      </span>
      <FormError message={formErrors(removeState.error).form} />
      {editing && (
        <Form onSubmit={save} error={errors.form} label={`Edit ${contact.email}`}>
          <TextField label="E-mail address" name="email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={errors.fields.email} hint="A new address is confirmed anew." />
          <CheckboxGroup legend="What it is told about" options={ROLE_OPTIONS} value={roles} onChange={setRoles} error={errors.fields.roles} />
          <Button type="submit" loading={updateState.fetching}>
            Save
          </Button>
        </Form>
      )}
    </li>
  );
}
