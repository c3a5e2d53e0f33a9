"""The mutations about one's own account: signing up and in, sessions, addresses, phone,
second factors, SSH keys."""

import strawberry
from strawberry.scalars import JSON

from accountql.resolvers import accounts, contacts, mfa, passkeys, recovery, ssh_keys
from accountql.schema.fields import mutation, public_mutation
from accountql.schema.permissions import RecentlyReauthenticated
from accountql.schema.types import (
    AuthSession,
    BackupCodes,
    LogInResult,
    MfaEnrollment,
    Passkey,
    PasskeyOptions,
    Session,
    SshKey,
    User,
)

SUDO = RecentlyReauthenticated()


@strawberry.type
class AccountMutations:
    sign_up: AuthSession = public_mutation(
        accounts.sign_up, "Create an account and sign in; a link to verify the address is mailed to it."
    )
    log_in: LogInResult = public_mutation(
        accounts.log_in,
        "Sign in with e-mail and password: a session, or an MfaChallenge when MFA is on. Failed "
        "attempts are rate-limited per account and per address.",
    )
    verify_mfa: AuthSession = public_mutation(
        mfa.verify_mfa, "Finish a login that answered an MfaChallenge: a TOTP code, the SMS code or a backup code."
    )
    request_magic_link: bool = public_mutation(
        recovery.request_magic_link,
        "E-mail a one-time sign-in link (15 minutes) if the address has an account. Always true: "
        "the answer never tells whether it has.",
    )
    log_in_with_magic_link: LogInResult = public_mutation(
        recovery.log_in_with_magic_link,
        "Sign in with the token of a magic link; an MfaChallenge when MFA is on. Proves the address.",
    )
    request_password_reset: bool = public_mutation(
        recovery.request_password_reset,
        "Send a reset link by e-mail or a 6-digit code by SMS, if the account exists. Always true.",
    )
    reset_password: bool = public_mutation(
        recovery.reset_password,
        "Set a new password with a reset token or SMS code; ends every session. MFA stays on.",
    )
    verify_email: User = mutation(
        recovery.verify_email,
        "Follow the link sent at sign-up (or by resendVerificationEmail), signed in as the account "
        "it is for: the address is verified.",
        mfa_exempt=True,
    )
    confirm_email_change: User = public_mutation(
        recovery.confirm_email_change, "Follow the link sent to a new address: it becomes the account's, verified."
    )
    confirm_contact: bool = public_mutation(
        contacts.confirm_contact, "Follow the link sent to a new notification contact: it starts receiving notices."
    )
    resend_verification_email: bool = mutation(
        recovery.resend_verification_email, "Send a new verification link to your address (so many an hour).",
        mfa_exempt=True,
    )
    reauthenticate: Session = mutation(
        accounts.reauthenticate,
        "Prove your password again (and a second factor when MFA is on) before a sensitive change; "
        "lasts a few minutes (see Session.reauthenticatedUntil).",
        mfa_exempt=True,
    )
    log_out: bool = mutation(accounts.log_out, "End the current session (and clear its cookie).", mfa_exempt=True)
    update_profile: User = mutation(accounts.update_profile, "Change the name your account shows.")
    revoke_session: bool = mutation(accounts.revoke_session, "End one of your sessions, for instance on a lost device.")
    change_password: bool = mutation(
        accounts.change_password, "Needs the current password; ends every other session and tells you by e-mail."
    )
    change_email: bool = mutation(
        recovery.change_email,
        "Send a link to a new address; it becomes the account's once the link is followed. The answer "
        "is the same whether or not the address has an account.",
        SUDO,
    )
    set_phone_number: bool = mutation(
        recovery.set_phone_number, "Text a verification code to a number (E.164, e.g. +33612345678).", SUDO,
        mfa_exempt=True,
    )
    verify_phone_number: User = mutation(
        recovery.verify_phone_number, "The code texted by setPhoneNumber: the number becomes the account's.",
        mfa_exempt=True,
    )
    remove_phone_number: User = mutation(recovery.remove_phone_number, "Remove the account's phone number.", SUDO)
    set_login_notifications: User = mutation(
        recovery.set_login_notifications, "E-mail me about every login attempt on my account (or stop)."
    )
    begin_mfa_enrollment: MfaEnrollment = mutation(
        mfa.begin_mfa_enrollment,
        "A new TOTP secret with its QR code; nothing changes until confirmMfaEnrollment (with MFA on, "
        "the old app keeps working until then).",
        SUDO,
        mfa_exempt=True,
    )
    confirm_mfa_enrollment: BackupCodes = mutation(
        mfa.confirm_mfa_enrollment,
        "Turn MFA on with a code from the app; returns ten backup codes, shown once. Ends your other sessions.",
        SUDO,
        mfa_exempt=True,
    )
    enable_sms_mfa: BackupCodes = mutation(
        recovery.enable_sms_mfa,
        "Use SMS codes to the verified number as the second factor (weaker than an authenticator app).",
        SUDO,
        mfa_exempt=True,
    )
    send_mfa_sms_code: bool = mutation(
        recovery.send_mfa_sms_code, "Text a code for reauthenticate or a change to MFA, for users of SMS MFA."
    )
    regenerate_backup_codes: BackupCodes = mutation(
        mfa.regenerate_backup_codes, "Replace every backup code; the old ones stop working.", SUDO
    )
    disable_mfa: User = mutation(
        mfa.disable_mfa, 'Turn MFA off: type confirmation "DISABLE". Removes every second factor, passkeys included.', SUDO
    )
    begin_passkey_registration: PasskeyOptions = mutation(
        passkeys.begin_passkey_registration,
        "Creation options for a new passkey (discoverable, with user verification), for "
        "navigator.credentials.create; their challenge works once, for this session, five minutes.",
        SUDO,
        mfa_exempt=True,
    )
    finish_passkey_registration: Passkey = mutation(
        passkeys.finish_passkey_registration,
        "Register the passkey that navigator.credentials.create made. The first passkey turns MFA "
        "on (and ends your other sessions). You are told by e-mail.",
        SUDO,
        mfa_exempt=True,
    )
    begin_passkey_log_in: PasskeyOptions = public_mutation(
        passkeys.begin_passkey_log_in,
        "Request options for navigator.credentials.get: for a passkey alone (no e-mail address "
        "asked, nothing said about accounts), or for the second factor of an MfaChallenge.",
    )
    finish_passkey_log_in: AuthSession = public_mutation(
        passkeys.finish_passkey_log_in,
        "Sign in with the assertion navigator.credentials.get made: a session, once. Refused "
        "(INVALID_CREDENTIALS) when it does not verify or its counter went backwards.",
    )
    rename_passkey: Passkey = mutation(passkeys.rename_passkey, "Rename one of your passkeys.", SUDO)
    remove_passkey: User = mutation(
        passkeys.remove_passkey,
        "Remove one of your passkeys; refused (CONFLICT) when it is the last second factor an "
        "organization you belong to requires. You are told by e-mail.",
        SUDO,
    )
    export_my_data: JSON = mutation(
        accounts.export_my_data,
        "Everything the service holds about you (profile, memberships, sessions, login history, keys' "
        "metadata, audit events about you) as one JSON document; never a secret. So many an hour.",
        SUDO,
        mfa_exempt=True,
    )
    delete_account: bool = mutation(
        accounts.delete_account,
        "Delete your account for good: sessions, keys, second factors, phone number and memberships "
        "go, the address is freed, and audit events show a deleted user. Refused (CONFLICT) while you "
        "are the last owner of an organization.",
        mfa_exempt=True,
    )
    add_ssh_key: SshKey = mutation(
        ssh_keys.add_ssh_key, "Add an OpenSSH public key (ed25519, ECDSA, or RSA of 2048 bits or more)."
    )
    delete_ssh_key: bool = mutation(ssh_keys.delete_ssh_key, "Delete one of your SSH keys.")
