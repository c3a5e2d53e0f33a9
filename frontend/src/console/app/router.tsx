// The console's routes, under /console. The pages before signing in are in the main
// bundle (the sign-in page must be usable at once); the signed-in screens load on demand.
import { createBrowserRouter, RouterProvider, type RouteObject } from "react-router";

import { Loading } from "../components/Notice";
import { AuthLayout } from "../components/layouts/AuthLayout";
import { LoginPage } from "../features/auth/components/LoginPage";
import { SignUpPage } from "../features/auth/components/SignUpPage";
import { NotFoundPage } from "./routes/NotFoundPage";
import { SignedInLayout } from "./routes/SignedInLayout";

export const BASENAME = "/console";

const routes: RouteObject[] = [
  {
    hydrateFallbackElement: <Loading />,
    children: [
      {
        element: <AuthLayout />,
        children: [
          { path: "login", element: <LoginPage /> },
          { path: "signup", element: <SignUpPage /> },
          { path: "magic-link", lazy: () => import("../features/auth/components/MagicLinkPage").then((m) => ({ Component: m.MagicLinkPage })) },
          { path: "forgot-password", lazy: () => import("../features/auth/components/ForgotPasswordPage").then((m) => ({ Component: m.ForgotPasswordPage })) },
          { path: "reset-password", lazy: () => import("../features/auth/components/ResetPasswordPage").then((m) => ({ Component: m.ResetPasswordPage })) },
          { path: "confirm-email", lazy: () => import("../features/auth/components/ConfirmLinkPages").then((m) => ({ Component: m.ConfirmEmailPage })) },
          { path: "confirm-contact", lazy: () => import("../features/auth/components/ConfirmLinkPages").then((m) => ({ Component: m.ConfirmContactPage })) },
        ],
      },
      {
        element: <SignedInLayout />,
        children: [
          { index: true, lazy: () => import("./routes/HomePage").then((m) => ({ Component: m.HomePage })) },
          { path: "verify-email", lazy: () => import("../features/auth/components/EmailVerification").then((m) => ({ Component: m.VerifyEmailPage })) },
          { path: "invitations", lazy: () => import("../features/organizations/components/InvitationPage").then((m) => ({ Component: m.InvitationPage })) },
          { path: "profile", lazy: () => import("../features/profile/components/ProfilePage").then((m) => ({ Component: m.ProfilePage })) },
          { path: "security", lazy: () => import("../features/security/components/SecurityPage").then((m) => ({ Component: m.SecurityPage })) },
          { path: "sessions", lazy: () => import("../features/sessions/components/SessionsPage").then((m) => ({ Component: m.SessionsPage })) },
          { path: "ssh-keys", lazy: () => import("../features/ssh-keys/components/SshKeysPage").then((m) => ({ Component: m.SshKeysPage })) },
          { path: "activity", lazy: () => import("../features/audit/components/ActivityPage").then((m) => ({ Component: m.ActivityPage })) },
          { path: "report-abuse", lazy: () => import("../features/abuse/components/ReportAbusePage").then((m) => ({ Component: m.ReportAbusePage })) },
          { path: "orgs/new", lazy: () => import("../features/organizations/components/CreateOrganizationPage").then((m) => ({ Component: m.CreateOrganizationPage })) },
          {
            path: "orgs/:orgId",
            children: [
              { index: true, lazy: () => import("../features/organizations/components/OrganizationOverviewPage").then((m) => ({ Component: m.OrganizationOverviewPage })) },
              { path: "members", lazy: () => import("../features/organizations/components/MembersPage").then((m) => ({ Component: m.MembersPage })) },
              { path: "api-keys", lazy: () => import("../features/api-keys/components/ApiKeysPage").then((m) => ({ Component: m.ApiKeysPage })) },
              { path: "contacts", lazy: () => import("../features/contacts/components/ContactsPage").then((m) => ({ Component: m.ContactsPage })) },
              { path: "support", lazy: () => import("../features/support/components/SupportPage").then((m) => ({ Component: m.SupportPage })) },
              { path: "quotas", lazy: () => import("../features/quotas/components/QuotasPage").then((m) => ({ Component: m.QuotasPage })) },
              { path: "kyc", lazy: () => import("../features/kyc/components/KycPage").then((m) => ({ Component: m.KycPage })) },
              { path: "abuse", lazy: () => import("../features/abuse/components/AbuseCasesPage").then((m) => ({ Component: m.AbuseCasesPage })) },
              { path: "audit-log", lazy: () => import("../features/audit/components/ActivityPage").then((m) => ({ Component: m.OrganizationAuditLogPage })) },
            ],
          },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

const router = createBrowserRouter(routes, { basename: BASENAME });

export function AppRouter() {
  return <RouterProvider router={router} />;
}
