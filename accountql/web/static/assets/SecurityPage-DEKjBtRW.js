import{r as e}from"./rolldown-runtime-XKyaHtl9.js";import{a as t,i as n}from"./client-Cr3p7Tk6.js";import{t as r}from"./chunk-Z7SQORRT-BauV6LAx.js";import{a as i,c as a,d as o,f as s,g as c,i as l,o as u,r as d,t as f}from"./gql-Bkp-8yyW.js";import{C as p,S as m,r as h,w as g,x as _}from"./console-fqb54rBw.js";import{c as v}from"./labels-Dp_6jhRg.js";import{t as y}from"./CopyButton-Ca-ecVvJ.js";var b=e(n(),1),x=f(`
  query Security {
    me {
      id
      mfaEnabled
      mfaMethod
      phoneNumber
      backupCodesRemaining
    }
  }
`),S=f(`
  mutation BeginMfaEnrollment {
    beginMfaEnrollment {
      secret
      otpauthUri
      qrCodeDataUri
    }
  }
`),C=f(`
  mutation ConfirmMfaEnrollment($input: ConfirmMfaEnrollmentInput!) {
    confirmMfaEnrollment(input: $input) {
      codes
    }
  }
`),w=f(`
  mutation EnableSmsMfa {
    enableSmsMfa {
      codes
    }
  }
`),T=f(`
  mutation RegenerateBackupCodes {
    regenerateBackupCodes {
      codes
    }
  }
`),E=f(`
  mutation DisableMfa($input: DisableMfaInput!) {
    disableMfa(input: $input) {
      id
      mfaEnabled
      mfaMethod
      backupCodesRemaining
    }
  }
`),D=f(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`),O=t();function k({codes:e}){let t=`AccountQL backup codes (each works once in place of a second factor)\n\n${e.join(`
`)}\n`,n=(0,b.useMemo)(()=>URL.createObjectURL(new Blob([t],{type:`text/plain`})),[t]);return(0,b.useEffect)(()=>()=>URL.revokeObjectURL(n),[n]),(0,O.jsxs)(`div`,{className:`secret-box`,children:[(0,O.jsx)(g,{tone:`warning`,children:`Store these backup codes somewhere safe now: they are shown this once. Each works once when you have no phone.`}),(0,O.jsx)(`ul`,{className:`codes`,"aria-label":`Backup codes`,children:e.map(e=>(0,O.jsx)(`li`,{children:(0,O.jsx)(`code`,{children:e})},e))}),(0,O.jsxs)(`div`,{className:`actions`,children:[(0,O.jsx)(`a`,{className:`button button-secondary`,href:n,download:`accountql-backup-codes.txt`,children:`Download as a text file`}),(0,O.jsx)(y,{text:e.join(`
`),label:`Copy the codes`})]})]})}function A(){let[e,t]=c({query:x,requestPolicy:`cache-and-network`}),{refresh:n}=h(),[r,a]=(0,b.useState)(null),s=e.data?.me,u=e=>{e&&a(e),t({requestPolicy:`network-only`}),n()};return(0,O.jsx)(l,{title:`Security`,children:s?(0,O.jsxs)(O.Fragment,{children:[(0,O.jsxs)(i,{title:`Multi-factor authentication`,children:[(0,O.jsx)(`p`,{children:s.mfaEnabled?(0,O.jsxs)(O.Fragment,{children:[(0,O.jsx)(`strong`,{children:`On`}),`: `,v[s.mfaMethod],`. Backup codes left: `,s.backupCodesRemaining,`.`]}):(0,O.jsxs)(O.Fragment,{children:[(0,O.jsx)(`strong`,{children:`Off.`}),` A second factor keeps your account safe when your password leaks.`]})}),r&&(0,O.jsx)(k,{codes:r}),(0,O.jsx)(j,{onEnabled:e=>u(e),replacing:s.mfaEnabled}),(0,O.jsx)(M,{phoneNumber:s.phoneNumber,active:s.mfaEnabled&&s.mfaMethod===`SMS`,onEnabled:e=>u(e)}),s.mfaEnabled&&(0,O.jsx)(N,{onDone:e=>u(e)}),s.mfaEnabled&&(0,O.jsx)(P,{onDone:()=>{a(null),u()}})]}),(0,O.jsx)(F,{})]}):e.error?(0,O.jsx)(m,{message:o(e.error)??``}):(0,O.jsx)(p,{})})}function j({onEnabled:e,replacing:t}){let[n,r,i]=d(S),[o,c]=d(C),[l,f]=(0,b.useState)(``),p=n.data?.beginMfaEnrollment,m=s(o.error,[`code`]);return p?(0,O.jsxs)(`div`,{className:`subsection`,children:[(0,O.jsx)(`h3`,{children:`Scan this code with your authenticator app`}),(0,O.jsxs)(`div`,{className:`enroll`,children:[(0,O.jsx)(`img`,{className:`qr`,src:p.qrCodeDataUri,alt:`QR code of your new authenticator secret: it holds the same secret as the text below.`,width:200,height:200}),(0,O.jsxs)(`div`,{children:[(0,O.jsx)(`p`,{children:`Or type this secret into the app:`}),(0,O.jsx)(`p`,{children:(0,O.jsx)(`code`,{className:`secret`,"data-testid":`totp-secret`,children:p.secret})}),(0,O.jsxs)(u,{onSubmit:async()=>{let t=await c({input:{code:l.trim()}});t.data&&(f(``),i(),e(t.data.confirmMfaEnrollment.codes))},error:m.form,label:`Confirm the authenticator app`,children:[(0,O.jsx)(_,{label:`Code the app shows now`,name:`code`,inputMode:`numeric`,autoComplete:`one-time-code`,value:l,onChange:e=>f(e.target.value),error:m.fields.code,required:!0}),(0,O.jsxs)(`div`,{className:`actions`,children:[(0,O.jsx)(a,{type:`submit`,loading:o.fetching,children:`Turn on`}),(0,O.jsx)(a,{variant:`secondary`,onClick:i,children:`Cancel`})]})]})]})]})]}):(0,O.jsxs)(`div`,{className:`subsection`,children:[(0,O.jsx)(`h3`,{children:`Authenticator app (recommended)`}),(0,O.jsx)(`p`,{children:`Any TOTP app works: it shows a new 6-digit code every 30 seconds.`}),(0,O.jsx)(I,{message:s(n.error).form}),(0,O.jsx)(a,{loading:n.fetching,onClick:()=>void r({}),children:t?`Set up a new authenticator app`:`Set up an authenticator app`})]})}function M({phoneNumber:e,active:t,onEnabled:n}){let[i,o]=d(w);return(0,O.jsxs)(`div`,{className:`subsection`,children:[(0,O.jsx)(`h3`,{children:`SMS codes (weaker)`}),(0,O.jsx)(`p`,{className:`muted`,children:`A code texted to your verified number. Weaker than an app: numbers can be taken over (SIM swap) and texts intercepted.`}),t?(0,O.jsx)(`p`,{children:`SMS is your second factor now.`}):e?(0,O.jsxs)(O.Fragment,{children:[(0,O.jsx)(I,{message:s(i.error).form}),(0,O.jsxs)(a,{variant:`secondary`,loading:i.fetching,onClick:()=>void o({}).then(e=>e.data&&n(e.data.enableSmsMfa.codes)),children:[`Use SMS to `,e,` as the second factor`]})]}):(0,O.jsxs)(`p`,{children:[`Add and verify a phone number in your `,(0,O.jsx)(r,{to:`/profile`,children:`profile`}),` first.`]})]})}function N({onDone:e}){let[t,n]=d(T);return(0,O.jsxs)(`div`,{className:`subsection`,children:[(0,O.jsx)(`h3`,{children:`Backup codes`}),(0,O.jsx)(I,{message:s(t.error).form}),(0,O.jsx)(a,{variant:`secondary`,loading:t.fetching,onClick:()=>void n({}).then(t=>t.data&&e(t.data.regenerateBackupCodes.codes)),children:`Make new backup codes`}),(0,O.jsx)(`p`,{className:`muted`,children:`The old ones stop working.`})]})}function P({onDone:e}){let[t,n]=(0,b.useState)(``),[r,i]=d(E),o=s(r.error,[`confirmation`]);return(0,O.jsxs)(`div`,{className:`subsection`,children:[(0,O.jsx)(`h3`,{children:`Turn multi-factor authentication off`}),(0,O.jsxs)(u,{onSubmit:async()=>{(await i({input:{confirmation:t}})).data&&(n(``),e())},error:o.form,label:`Turn multi-factor authentication off`,children:[(0,O.jsx)(_,{label:`Type "DISABLE" to confirm`,name:`confirmation`,value:t,onChange:e=>n(e.target.value),error:o.fields.confirmation,hint:`Organizations that require it will block you.`,required:!0}),(0,O.jsx)(a,{variant:`danger`,type:`submit`,loading:r.fetching,children:`Turn off`})]})]})}function F(){let[e,t]=(0,b.useState)(``),[n,r]=(0,b.useState)(``),[o,c]=d(D),l=s(o.error,[`currentPassword`,`newPassword`]);return(0,O.jsx)(i,{title:`Password`,description:`Changing it ends every other session and tells you by e-mail.`,children:(0,O.jsxs)(u,{onSubmit:async()=>{(await c({input:{currentPassword:e,newPassword:n}})).data?.changePassword&&(t(``),r(``))},error:l.form,label:`Change the password`,children:[(0,O.jsx)(_,{label:`Current password`,name:`currentPassword`,type:`password`,autoComplete:`current-password`,value:e,onChange:e=>t(e.target.value),error:l.fields.currentPassword,required:!0}),(0,O.jsx)(_,{label:`New password`,name:`newPassword`,type:`password`,autoComplete:`new-password`,value:n,onChange:e=>r(e.target.value),error:l.fields.newPassword,hint:`8 to 256 characters.`,required:!0}),(0,O.jsx)(a,{type:`submit`,loading:o.fetching,children:`Change the password`}),o.data?.changePassword&&(0,O.jsx)(g,{tone:`success`,children:`Password changed; your other sessions ended.`})]})})}function I({message:e}){return e?(0,O.jsx)(m,{message:e}):null}export{A as SecurityPage};