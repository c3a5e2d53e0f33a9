import { useState } from "react";
import { useParams } from "react-router";
import { useQuery } from "urql";

import { Button } from "../../../components/Button";
import { SelectField, TextField } from "../../../components/Field";
import { Form } from "../../../components/Form";
import { Notice } from "../../../components/Notice";
import { Page, Section } from "../../../components/layouts/Page";
import type { KycDocumentType } from "../../../gql/graphql";
import { formErrors } from "../../../lib/errors";
import { documentTypeLabels, kycStatusLabels, options } from "../../../lib/labels";
import { useApiMutation } from "../../../lib/mutation";
import { useMembership } from "../../organizations/membership";
import { OrganizationGate } from "../../organizations/components/OrganizationGate";
import { KycQuery, SubmitKycMutation } from "../operations";

export function KycPage() {
  const { orgId = "" } = useParams();
  const owner = useMembership(orgId)?.role === "OWNER";
  const [result, refetch] = useQuery({ query: KycQuery, variables: { id: orgId }, requestPolicy: "cache-and-network" });
  return (
    <OrganizationGate title="Identity verification" result={result}>
      {(organization) => (
        <Page title={`Identity verification of ${organization.name}`} intro="Staff check an identity document and a selfie holding it before raising limits past the defaults.">
          <p>
            Status: <strong>{organization.kycStatus ? kycStatusLabels[organization.kycStatus] : "unknown"}</strong>
          </p>
          {owner ? (
            organization.kycStatus !== "APPROVED" && organization.kycStatus !== "PENDING" && <Submit organizationId={organization.id} onDone={() => refetch({ requestPolicy: "network-only" })} />
          ) : (
            <p className="muted">Only owners send the verification.</p>
          )}
        </Page>
      )}
    </OrganizationGate>
  );
}

function Submit({ organizationId, onDone }: { organizationId: string; onDone: () => void }) {
  const [documentType, setDocumentType] = useState<KycDocumentType>("PASSPORT");
  const [document, setDocument] = useState<File | null>(null);
  const [selfie, setSelfie] = useState<File | null>(null);
  const [state, submitKyc] = useApiMutation(SubmitKycMutation);
  const errors = formErrors(state.error, ["document", "selfie", "documentType"]);
  const missing = !document || !selfie;
  const submit = async () => {
    if (!document || !selfie) return;
    // A multipart request (the client sends Files that way) with the CSRF header.
    const result = await submitKyc({ input: { organizationId, documentType, document, selfie } });
    if (result.data) onDone();
  };
  return (
    <Section title="Send the verification">
      <Form onSubmit={submit} error={errors.form} label="Send the identity verification">
        <SelectField label="Document" value={documentType} onChange={(e) => setDocumentType(e.target.value as KycDocumentType)} options={options(documentTypeLabels)} error={errors.fields.documentType} />
        <TextField label="Image of the document" name="document" type="file" accept="image/jpeg,image/png,application/pdf" onChange={(e) => setDocument(e.target.files?.[0] ?? null)} error={errors.fields.document} hint="JPEG, PNG or PDF." required />
        <TextField label="Selfie holding the document" name="selfie" type="file" accept="image/jpeg,image/png,application/pdf" onChange={(e) => setSelfie(e.target.files?.[0] ?? null)} error={errors.fields.selfie} hint="JPEG, PNG or PDF." required />
        <Button type="submit" loading={state.fetching} disabled={missing}>
          Send
        </Button>
        {state.data && <Notice tone="success">Sent: staff will review it.</Notice>}
      </Form>
    </Section>
  );
}
