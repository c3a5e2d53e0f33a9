// Words for the API's enum values. Typed Record<Enum, string>: when the schema adds a value,
// the build fails until it has a label here.
import type {
  AbuseReason,
  ApiKeyAccess,
  ContactRole,
  KycDocumentType,
  KycStatus,
  LoginMethod,
  MfaLevel,
  MfaMethod,
  PasskeyDeviceType,
  Role,
  SecondFactor,
  SupportPlan,
  SupportReason,
} from "../gql/graphql";

export const roleLabels: Record<Role, string> = { OWNER: "Owner", MANAGER: "Manager" };

export const accessLabels: Record<ApiKeyAccess, string> = {
  READ_ONLY: "Read only (queries)",
  READ_WRITE: "Read and write (changes resources too)",
};

export const contactRoleLabels: Record<ContactRole, string> = {
  PRIMARY: "Primary (everything)",
  TECHNICAL: "Technical",
  BILLING: "Billing",
  ABUSE: "Abuse",
  EMERGENCY: "Emergency",
};

export const abuseReasonLabels: Record<AbuseReason, string> = {
  SPAM: "Spam",
  MALWARE: "Malware",
  PHISHING: "Phishing",
  COPYRIGHT: "Copyright infringement",
  ILLEGAL_CONTENT: "Illegal content",
  CYBERCRIME: "Attacks on other systems",
  OTHER: "Something else",
};

export const supportReasonLabels: Record<SupportReason, string> = {
  PROBLEM_RESOLUTION: "Solve a problem we reported",
  TROUBLESHOOTING: "Investigate a fault",
  CONFIGURATION: "Help set something up",
  TRAINING: "Show us how something works",
  SECURITY_CHECK: "Review our security settings",
};

export const supportPlanLabels: Record<SupportPlan, string> = {
  BASIC: "Basic: first answer within 24 hours",
  SILVER: "Silver: within 4 hours",
  GOLD: "Gold: within 1 hour",
  PLATINUM: "Platinum: within 15 minutes",
};

export const documentTypeLabels: Record<KycDocumentType, string> = {
  PASSPORT: "Passport",
  DRIVING_LICENSE: "Driving licence",
  ID_CARD: "National identity card",
  RESIDENCE_PERMIT: "Residence permit",
};

export const kycStatusLabels: Record<KycStatus, string> = {
  NOT_SUBMITTED: "Not sent yet",
  PENDING: "Sent, waiting for review",
  APPROVED: "Approved",
  REJECTED: "Rejected (the owners were told why by e-mail)",
};

export const mfaMethodLabels: Record<MfaMethod, string> = {
  TOTP: "Authenticator app",
  SMS: "SMS to your phone (weaker)",
};

export const loginMethodLabels: Record<LoginMethod, string> = { PASSWORD: "Password", MAGIC_LINK: "Magic link", PASSKEY: "Passkey" };

export const secondFactorLabels: Record<SecondFactor, string> = {
  TOTP: "Authenticator app",
  BACKUP_CODE: "Backup code",
  SMS_CODE: "SMS code",
  PASSKEY: "Passkey",
};

export const mfaLevelLabels: Record<MfaLevel, string> = {
  ANY: "Any second factor (passkey, authenticator app or SMS)",
  PHISHING_RESISTANT: "Passkeys only (phishing-resistant)",
};

export const passkeyDeviceTypeLabels: Record<PasskeyDeviceType, string> = {
  SINGLE_DEVICE: "Device-bound",
  MULTI_DEVICE: "Synced",
};

export function options<T extends string>(labels: Record<T, string>): { value: T; label: string }[] {
  return (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));
}

const ACRONYMS = new Set(["api", "mfa", "ssh", "kyc", "sms", "ip"]);

/** LOGIN_SUCCEEDED → "Login succeeded", API_KEY_CREATED → "API key created". */
export function humanize(kind: string): string {
  const words = kind.toLowerCase().split("_").map((w) => (ACRONYMS.has(w) ? w.toUpperCase() : w));
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
