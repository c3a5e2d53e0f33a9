import{r as e}from"./rolldown-runtime-XKyaHtl9.js";import{a as t,i as n}from"./client-Cr3p7Tk6.js";import{t as r}from"./chunk-Z7SQORRT-BauV6LAx.js";import{a as i,c as a,d as o,f as s,g as c,i as l,o as u,r as d,s as f,t as p}from"./gql-S9mNE-Oe.js";import{t as m}from"./fragment-masking-DSZC2_uz.js";import{_ as h,g,h as _,m as v,o as y,r as b}from"./console-B6dIkyNv.js";import{d as x,l as S}from"./labels-SXoNuJSA.js";import{t as C}from"./CopyButton-Dl--GZ_7.js";import{t as w}from"./ConfirmButton-D1UPyhbI.js";import{i as T,n as E}from"./webauthn-BSo8Ae69.js";var D=e(n(),1),O=p(`
  query Security {
    me {
      id
      mfaEnabled
      mfaMethod
      phoneNumber
      backupCodesRemaining
      passkeys(first: 100) {
        totalCount
        edges {
          node {
            id
            ...PasskeyItem
          }
        }
      }
    }
  }
`),k=p(`
  fragment PasskeyItem on Passkey {
    id
    name
    createdAt
    lastUsedAt
    deviceType
    backedUp
    cloneSuspectedAt
  }
`),A=p(`
  mutation BeginPasskeyRegistration {
    beginPasskeyRegistration {
      options
      expiresAt
    }
  }
`),j=p(`
  mutation FinishPasskeyRegistration($input: FinishPasskeyRegistrationInput!) {
    finishPasskeyRegistration(input: $input) {
      id
      ...PasskeyItem
    }
  }
`),M=p(`
  mutation RenamePasskey($input: RenamePasskeyInput!) {
    renamePasskey(input: $input) {
      id
      ...PasskeyItem
    }
  }
`),N=p(`
  mutation RemovePasskey($input: RemovePasskeyInput!) {
    removePasskey(input: $input) {
      id
      mfaEnabled
      backupCodesRemaining
      passkeys(first: 100) {
        totalCount
      }
    }
  }
`),P=p(`
  mutation BeginMfaEnrollment {
    beginMfaEnrollment {
      secret
      otpauthUri
      qrCodeDataUri
    }
  }
`),F=p(`
  mutation ConfirmMfaEnrollment($input: ConfirmMfaEnrollmentInput!) {
    confirmMfaEnrollment(input: $input) {
      codes
    }
  }
`),I=p(`
  mutation EnableSmsMfa {
    enableSmsMfa {
      codes
    }
  }
`),L=p(`
  mutation RegenerateBackupCodes {
    regenerateBackupCodes {
      codes
    }
  }
`),R=p(`
  mutation DisableMfa($input: DisableMfaInput!) {
    disableMfa(input: $input) {
      id
      mfaEnabled
      mfaMethod
      backupCodesRemaining
    }
  }
`),z=p(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`),B=t();function V({codes:e}){let t=`AccountQL backup codes (each works once in place of a second factor)\n\n${e.join(`
`)}\n`,n=(0,D.useMemo)(()=>URL.createObjectURL(new Blob([t],{type:`text/plain`})),[t]);return(0,D.useEffect)(()=>()=>URL.revokeObjectURL(n),[n]),(0,B.jsxs)(`div`,{className:`secret-box`,children:[(0,B.jsx)(h,{tone:`warning`,children:`Store these backup codes somewhere safe now: they are shown this once. Each works once when you have no phone.`}),(0,B.jsx)(`ul`,{className:`codes`,"aria-label":`Backup codes`,children:e.map(e=>(0,B.jsx)(`li`,{children:(0,B.jsx)(`code`,{children:e})},e))}),(0,B.jsxs)(`div`,{className:`actions`,children:[(0,B.jsx)(`a`,{className:`button button-secondary`,href:n,download:`accountql-backup-codes.txt`,children:`Download as a text file`}),(0,B.jsx)(C,{text:e.join(`
`),label:`Copy the codes`})]})]})}function H({passkeys:e,mfaEnabled:t,onChanged:n}){let r=T();return(0,B.jsxs)(i,{title:`Passkeys`,description:`A passkey signs you in without a password, and counts as a second factor after one. It stays on your device or in your password manager and works only on this site, so a look-alike site cannot phish it.`,children:[!r&&(0,B.jsx)(h,{tone:`warning`,children:`This browser cannot use passkeys: it has no WebAuthn support (or an old version of it). Use a recent Chrome, Edge, Firefox or Safari, or another way to sign in.`}),e.length===0?(0,B.jsx)(`p`,{children:`You have no passkey yet.`}):(0,B.jsx)(`ul`,{className:`item-list`,"aria-label":`Passkeys`,children:e.map(e=>(0,B.jsx)(U,{passkey:e,onChanged:n},m(k,e).id))}),r&&(0,B.jsx)(W,{first:e.length===0,mfaEnabled:t,onAdded:n})]})}function U({passkey:e,onChanged:t}){let n=m(k,e),[r,i]=(0,D.useState)(!1),[o,c]=(0,D.useState)(n.name),[l,p]=d(M),[g,_]=d(N),b=s(l.error,[`name`]);return(0,B.jsxs)(`li`,{className:`stacked`,children:[(0,B.jsxs)(`div`,{children:[(0,B.jsx)(`strong`,{children:n.name}),(0,B.jsxs)(`ul`,{className:`passkey-facts`,children:[(0,B.jsxs)(`li`,{children:[`Added `,(0,B.jsx)(y,{value:n.createdAt})]}),(0,B.jsx)(`li`,{children:n.lastUsedAt?(0,B.jsxs)(B.Fragment,{children:[`Last used `,(0,B.jsx)(y,{value:n.lastUsedAt})]}):`Never used to sign in`}),(0,B.jsx)(`li`,{children:x[n.deviceType]}),(0,B.jsx)(`li`,{children:n.backedUp?`Backed up`:`Not backed up`})]}),n.cloneSuspectedAt&&(0,B.jsxs)(h,{tone:`warning`,children:[`On `,(0,B.jsx)(y,{value:n.cloneSuspectedAt}),` this passkey signed as if it had been copied, and that sign-in was refused. Unless you know why, remove it.`]})]}),r?(0,B.jsxs)(u,{onSubmit:async()=>{(await p({input:{id:n.id,name:o.trim()}})).data&&(i(!1),t())},error:b.form,label:`Rename ${n.name}`,className:`inline-form`,children:[(0,B.jsx)(v,{label:`New name`,name:`name`,value:o,onChange:e=>c(e.target.value),error:b.fields.name,maxLength:100,required:!0,autoFocus:!0}),(0,B.jsxs)(`div`,{className:`actions`,children:[(0,B.jsx)(a,{type:`submit`,loading:l.fetching,children:`Save the name`}),(0,B.jsx)(a,{variant:`secondary`,onClick:()=>{i(!1),c(n.name)},children:`Cancel`})]})]}):(0,B.jsxs)(`div`,{className:`actions`,children:[(0,B.jsxs)(a,{variant:`secondary`,onClick:()=>i(!0),children:[`Rename `,n.name]}),(0,B.jsx)(w,{label:`Remove ${n.name}`,title:`Remove ${n.name}?`,question:`It will no longer sign you in. Remove it from your device or password manager too. You are told by e-mail.`,confirmLabel:`Remove`,onConfirm:async()=>{(await _({input:{id:n.id}})).data&&t()},loading:g.fetching})]}),(0,B.jsx)(f,{message:s(g.error).form})]})}function W({first:e,mfaEnabled:t,onAdded:n}){let[r,i]=(0,D.useState)(``),[o,c]=(0,D.useState)(null),[l,f]=(0,D.useState)(null),[p,g]=d(A),[_,y]=d(j),[b,x]=(0,D.useState)(!1),S=s(_.error??p.error,[`name`]);return(0,B.jsxs)(`div`,{className:`subsection`,children:[(0,B.jsx)(`h3`,{children:`Add a passkey`}),(0,B.jsxs)(u,{onSubmit:async()=>{c(null),f(null);let a=(await g({})).data?.beginPasskeyRegistration.options;if(!a)return;x(!0);let o=await E(a);if(x(!1),o.error!==void 0){c(o.error);return}let s=await y({input:{credential:o.credential,name:r.trim()||null}});if(s.data){i(``);let{name:r}=m(k,s.data.finishPasskeyRegistration);f(e&&!t?`${r} added. Multi-factor authentication is now on and your other sessions ended. Make backup codes in case you lose it.`:`${r} added.`),n()}},error:o??S.form,label:`Add a passkey`,children:[(0,B.jsx)(v,{label:`Passkey name`,name:`name`,value:r,onChange:e=>i(e.target.value),error:S.fields.name,maxLength:100,hint:`To tell it apart: the device or password manager that keeps it. Up to 100 characters; “Passkey” if left empty.`}),(0,B.jsx)(a,{type:`submit`,loading:p.fetching||b||_.fetching,children:`Add a passkey`}),l&&(0,B.jsx)(h,{tone:`success`,children:l})]})]})}function G(){let[e,t]=c({query:O,requestPolicy:`cache-and-network`}),{refresh:n}=b(),[r,a]=(0,D.useState)(null),s=e.data?.me,u=s?.passkeys.edges.map(e=>e.node)??[],d=e=>{e&&a(e),t({requestPolicy:`network-only`}),n()};return(0,B.jsx)(l,{title:`Security`,children:s?(0,B.jsxs)(B.Fragment,{children:[(0,B.jsxs)(i,{title:`Multi-factor authentication`,children:[(0,B.jsx)(`p`,{children:s.mfaEnabled&&u.length>0?(0,B.jsxs)(B.Fragment,{children:[(0,B.jsx)(`strong`,{children:`On`}),`: `,u.length===1?`your passkey`:`your ${u.length} passkeys`,` (listed below), and the authenticator app or SMS codes if you set them up. Backup codes left: `,s.backupCodesRemaining,`.`]}):s.mfaEnabled?(0,B.jsxs)(B.Fragment,{children:[(0,B.jsx)(`strong`,{children:`On`}),`: `,S[s.mfaMethod],`. Backup codes left: `,s.backupCodesRemaining,`.`]}):(0,B.jsxs)(B.Fragment,{children:[(0,B.jsx)(`strong`,{children:`Off.`}),` A second factor keeps your account safe when your password leaks.`]})}),r&&(0,B.jsx)(V,{codes:r}),(0,B.jsx)(K,{onEnabled:e=>d(e),replacing:s.mfaEnabled&&u.length===0}),(0,B.jsx)(q,{phoneNumber:s.phoneNumber,active:s.mfaEnabled&&s.mfaMethod===`SMS`,onEnabled:e=>d(e)}),s.mfaEnabled&&(0,B.jsx)(J,{onDone:e=>d(e)}),s.mfaEnabled&&(0,B.jsx)(Y,{onDone:()=>{a(null),d()}})]}),(0,B.jsx)(H,{passkeys:u,mfaEnabled:s.mfaEnabled,onChanged:()=>d()}),(0,B.jsx)(X,{})]}):e.error?(0,B.jsx)(_,{message:o(e.error)??``}):(0,B.jsx)(g,{})})}function K({onEnabled:e,replacing:t}){let[n,r,i]=d(P),[o,c]=d(F),[l,f]=(0,D.useState)(``),p=n.data?.beginMfaEnrollment,m=s(o.error,[`code`]);return p?(0,B.jsxs)(`div`,{className:`subsection`,children:[(0,B.jsx)(`h3`,{children:`Scan this code with your authenticator app`}),(0,B.jsxs)(`div`,{className:`enroll`,children:[(0,B.jsx)(`img`,{className:`qr`,src:p.qrCodeDataUri,alt:`QR code of your new authenticator secret: it holds the same secret as the text below.`,width:200,height:200}),(0,B.jsxs)(`div`,{children:[(0,B.jsx)(`p`,{children:`Or type this secret into the app:`}),(0,B.jsx)(`p`,{children:(0,B.jsx)(`code`,{className:`secret`,"data-testid":`totp-secret`,children:p.secret})}),(0,B.jsxs)(u,{onSubmit:async()=>{let t=await c({input:{code:l.trim()}});t.data&&(f(``),i(),e(t.data.confirmMfaEnrollment.codes))},error:m.form,label:`Confirm the authenticator app`,children:[(0,B.jsx)(v,{label:`Code the app shows now`,name:`code`,inputMode:`numeric`,autoComplete:`one-time-code`,value:l,onChange:e=>f(e.target.value),error:m.fields.code,required:!0}),(0,B.jsxs)(`div`,{className:`actions`,children:[(0,B.jsx)(a,{type:`submit`,loading:o.fetching,children:`Turn on`}),(0,B.jsx)(a,{variant:`secondary`,onClick:i,children:`Cancel`})]})]})]})]})]}):(0,B.jsxs)(`div`,{className:`subsection`,children:[(0,B.jsx)(`h3`,{children:`Authenticator app (recommended)`}),(0,B.jsx)(`p`,{children:`Any TOTP app works: it shows a new 6-digit code every 30 seconds.`}),(0,B.jsx)(Z,{message:s(n.error).form}),(0,B.jsx)(a,{loading:n.fetching,onClick:()=>void r({}),children:t?`Set up a new authenticator app`:`Set up an authenticator app`})]})}function q({phoneNumber:e,active:t,onEnabled:n}){let[i,o]=d(I);return(0,B.jsxs)(`div`,{className:`subsection`,children:[(0,B.jsx)(`h3`,{children:`SMS codes (weaker)`}),(0,B.jsx)(`p`,{className:`muted`,children:`A code texted to your verified number. Weaker than an app: numbers can be taken over (SIM swap) and texts intercepted.`}),t?(0,B.jsx)(`p`,{children:`SMS is your second factor now.`}):e?(0,B.jsxs)(B.Fragment,{children:[(0,B.jsx)(Z,{message:s(i.error).form}),(0,B.jsxs)(a,{variant:`secondary`,loading:i.fetching,onClick:()=>void o({}).then(e=>e.data&&n(e.data.enableSmsMfa.codes)),children:[`Use SMS to `,e,` as the second factor`]})]}):(0,B.jsxs)(`p`,{children:[`Add and verify a phone number in your `,(0,B.jsx)(r,{to:`/profile`,children:`profile`}),` first.`]})]})}function J({onDone:e}){let[t,n]=d(L);return(0,B.jsxs)(`div`,{className:`subsection`,children:[(0,B.jsx)(`h3`,{children:`Backup codes`}),(0,B.jsx)(Z,{message:s(t.error).form}),(0,B.jsx)(a,{variant:`secondary`,loading:t.fetching,onClick:()=>void n({}).then(t=>t.data&&e(t.data.regenerateBackupCodes.codes)),children:`Make new backup codes`}),(0,B.jsx)(`p`,{className:`muted`,children:`The old ones stop working.`})]})}function Y({onDone:e}){let[t,n]=(0,D.useState)(``),[r,i]=d(R),o=s(r.error,[`confirmation`]);return(0,B.jsxs)(`div`,{className:`subsection`,children:[(0,B.jsx)(`h3`,{children:`Turn multi-factor authentication off`}),(0,B.jsxs)(u,{onSubmit:async()=>{(await i({input:{confirmation:t}})).data&&(n(``),e())},error:o.form,label:`Turn multi-factor authentication off`,children:[(0,B.jsx)(v,{label:`Type "DISABLE" to confirm`,name:`confirmation`,value:t,onChange:e=>n(e.target.value),error:o.fields.confirmation,hint:`Every second factor goes, passkeys included. Organizations that require it will block you.`,required:!0}),(0,B.jsx)(a,{variant:`danger`,type:`submit`,loading:r.fetching,children:`Turn off`})]})]})}function X(){let[e,t]=(0,D.useState)(``),[n,r]=(0,D.useState)(``),[o,c]=d(z),l=s(o.error,[`currentPassword`,`newPassword`]);return(0,B.jsx)(i,{title:`Password`,description:`Changing it ends every other session and tells you by e-mail.`,children:(0,B.jsxs)(u,{onSubmit:async()=>{(await c({input:{currentPassword:e,newPassword:n}})).data?.changePassword&&(t(``),r(``))},error:l.form,label:`Change the password`,children:[(0,B.jsx)(v,{label:`Current password`,name:`currentPassword`,type:`password`,autoComplete:`current-password`,value:e,onChange:e=>t(e.target.value),error:l.fields.currentPassword,required:!0}),(0,B.jsx)(v,{label:`New password`,name:`newPassword`,type:`password`,autoComplete:`new-password`,value:n,onChange:e=>r(e.target.value),error:l.fields.newPassword,hint:`8 to 256 characters.`,required:!0}),(0,B.jsx)(a,{type:`submit`,loading:o.fetching,children:`Change the password`}),o.data?.changePassword&&(0,B.jsx)(h,{tone:`success`,children:`Password changed; your other sessions ended.`})]})})}function Z({message:e}){return e?(0,B.jsx)(_,{message:e}):null}export{G as SecurityPage};