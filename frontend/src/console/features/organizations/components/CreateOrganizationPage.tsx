import { useState } from "react";
import { useNavigate } from "react-router";

import { Button } from "../../../components/Button";
import { TextField } from "../../../components/Field";
import { Form } from "../../../components/Form";
import { Page } from "../../../components/layouts/Page";
import { rememberOrganization } from "../../../lib/current-organization";
import { formErrors } from "../../../lib/errors";
import { useApiMutation } from "../../../lib/mutation";
import { useViewer } from "../../auth/viewer";
import { CreateOrganizationMutation } from "../operations";

export function CreateOrganizationPage() {
  const navigate = useNavigate();
  const { refresh } = useViewer();
  const [name, setName] = useState("");
  const [state, create] = useApiMutation(CreateOrganizationMutation);
  const errors = formErrors(state.error, ["name"]);
  const submit = async () => {
    const result = await create({ input: { name: name.trim() } });
    const organization = result.data?.createOrganization;
    if (organization) {
      rememberOrganization(organization.id);
      refresh();
      void navigate(`/orgs/${organization.id}`);
    }
  };
  return (
    <Page title="New organization" intro="Members of an organization share its API keys, contacts and settings. You become its owner.">
      <Form onSubmit={submit} error={errors.form} label="New organization">
        <TextField label="Name" name="name" value={name} onChange={(e) => setName(e.target.value)} error={errors.fields.name} hint="100 characters at most." required />
        <Button type="submit" loading={state.fetching}>
          Create the organization
        </Button>
      </Form>
    </Page>
  );
}
