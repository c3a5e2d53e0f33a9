import { useState } from "react";

import { Button } from "../../../components/Button";
import { SelectField, TextArea, TextField } from "../../../components/Field";
import { Form } from "../../../components/Form";
import { Notice } from "../../../components/Notice";
import { Page } from "../../../components/layouts/Page";
import type { AbuseReason } from "../../../gql/graphql";
import { formErrors } from "../../../lib/errors";
import { abuseReasonLabels, options } from "../../../lib/labels";
import { useApiMutation } from "../../../lib/mutation";
import { ReportAbuseMutation } from "../operations";

export function ReportAbusePage() {
  const [organizationId, setOrganizationId] = useState("");
  const [resourceKind, setResourceKind] = useState("");
  const [resourceId, setResourceId] = useState("");
  const [reason, setReason] = useState<AbuseReason>("SPAM");
  const [details, setDetails] = useState("");
  const [state, report, reset] = useApiMutation(ReportAbuseMutation);
  const errors = formErrors(state.error, ["organizationId", "resourceKind", "resourceId", "reason", "details"]);
  const submit = async () => {
    const result = await report({ input: { organizationId: organizationId.trim(), resourceKind: resourceKind.trim(), resourceId: resourceId.trim(), reason, details } });
    if (result.data?.reportAbuse) {
      setResourceId("");
      setDetails("");
    }
  };
  return (
    <Page title="Report abuse" intro="Report a resource of an organization that sends spam, spreads malware, or breaks the rules. The organization never learns who reported it.">
      {state.data?.reportAbuse ? (
        <>
          <Notice tone="success">Thank you: the report was sent to the organization and to our staff.</Notice>
          <Button variant="secondary" onClick={reset}>
            Report something else
          </Button>
        </>
      ) : (
        <Form onSubmit={submit} error={errors.form} label="Report abuse">
          <TextField label="Organization id" name="organizationId" value={organizationId} onChange={(e) => setOrganizationId(e.target.value)} error={errors.fields.organizationId} hint="The id of the organization whose resource it is." required />
          <TextField label="Kind of resource" name="resourceKind" value={resourceKind} onChange={(e) => setResourceKind(e.target.value)} error={errors.fields.resourceKind} hint="e.g. instance, bucket, ip." required />
          <TextField label="Resource" name="resourceId" value={resourceId} onChange={(e) => setResourceId(e.target.value)} error={errors.fields.resourceId} hint="Its id or address, e.g. 203.0.113.7." required />
          <SelectField label="Reason" value={reason} onChange={(e) => setReason(e.target.value as AbuseReason)} options={options(abuseReasonLabels)} error={errors.fields.reason} />
          <TextArea label="What you saw" name="details" rows={5} maxLength={2000} value={details} onChange={(e) => setDetails(e.target.value)} error={errors.fields.details} hint="2,000 characters at most." required />
          <Button type="submit" loading={state.fetching}>
            Send the report
          </Button>
        </Form>
      )}
    </Page>
  );
}
