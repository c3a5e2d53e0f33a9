import{r as e}from"./rolldown-runtime-XKyaHtl9.js";import{a as t,i as n}from"./client-Cr3p7Tk6.js";import{a as r,c as i,d as a,f as o,g as s,i as c,l,o as u,r as d,s as f,t as p}from"./gql-h4oR5Adp.js";import{t as m}from"./ConfirmButton-Dp87ZX4J.js";import{D as h,E as g,T as _,b as v,i as y,o as b,r as x,t as S,w as C}from"./console-FbiByjTa.js";import{ResendVerification as w}from"./EmailVerification-Dr54S1jg.js";import{t as T}from"./chunk-Z7SQORRT-BauV6LAx.js";var E=e(n(),1),D=p(`
  query Profile {
    me {
      id
      name
      email
      emailVerified
      phoneNumber
      loginNotifications
      createdAt
    }
  }
`),O=p(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      id
      name
    }
  }
`),k=p(`
  mutation ChangeEmail($input: ChangeEmailInput!) {
    changeEmail(input: $input)
  }
`),A=p(`
  mutation SetPhoneNumber($input: SetPhoneNumberInput!) {
    setPhoneNumber(input: $input)
  }
`),j=p(`
  mutation VerifyPhoneNumber($input: VerifyPhoneNumberInput!) {
    verifyPhoneNumber(input: $input) {
      id
      phoneNumber
    }
  }
`),M=p(`
  mutation RemovePhoneNumber {
    removePhoneNumber {
      id
      phoneNumber
      mfaEnabled
      mfaMethod
    }
  }
`),N=p(`
  mutation SetLoginNotifications($input: SetLoginNotificationsInput!) {
    setLoginNotifications(input: $input) {
      id
      loginNotifications
    }
  }
`),P=p(`
  mutation ExportMyData {
    exportMyData
  }
`),F=p(`
  mutation DeleteAccount($input: DeleteAccountInput!) {
    deleteAccount(input: $input)
  }
`),I=t();function L(e){if(typeof e!=`object`||!e)return!1;let{id:t,name:n}=e;return typeof t==`string`&&typeof n==`string`}function R(e){let t=e?.graphQLErrors.find(e=>e.extensions?.code===`CONFLICT`),n=t?.extensions?.organizations;return!t||!Array.isArray(n)?null:{message:t.message,organizations:n.filter(L)}}function z(){let{viewer:e}=x(),t=S(),[n,a]=(0,E.useState)(``),[s,c]=(0,E.useState)(``),[f,p]=(0,E.useState)(!1),[m,h]=d(F),g=R(m.error),_=g?l:o(m.error,[`password`,`code`]),v=async()=>{p(!1),t.expect(`account-deleted`);let r=e.mfaEnabled?{password:n,code:s.trim()}:{password:n};(await h({input:r})).data?.deleteAccount?t.leave(`account-deleted`):t.expect(null)};return(0,I.jsxs)(r,{title:`Delete your account`,tone:`danger`,children:[(0,I.jsx)(`p`,{children:`This cannot be undone. Your sessions, API keys, second factors, phone number, SSH keys, login history and memberships go at once; your address becomes free for a new account. Organizations keep their records, signed “Deleted user”.`}),(0,I.jsx)(`p`,{children:`You cannot delete your account while you are the last owner of an organization: make another member an owner, or delete the organization, first. You may want to download your data before.`}),g&&(0,I.jsxs)(`div`,{className:`notice notice-error`,role:`alert`,children:[(0,I.jsx)(`p`,{children:g.message}),(0,I.jsx)(`ul`,{children:g.organizations.map(e=>(0,I.jsxs)(`li`,{children:[(0,I.jsx)(`strong`,{children:e.name}),`: `,(0,I.jsxs)(T,{to:`/orgs/${e.id}/members`,children:[`make another member of `,e.name,` an owner`]}),`, or`,` `,(0,I.jsxs)(T,{to:`/orgs/${e.id}`,children:[`delete `,e.name,` from its page`]})]},e.id))})]}),(0,I.jsxs)(u,{onSubmit:()=>p(!0),error:_.form,label:`Delete your account`,children:[(0,I.jsx)(C,{label:`Your password`,name:`password`,type:`password`,autoComplete:`current-password`,value:n,onChange:e=>a(e.target.value),error:_.fields.password,required:!0}),e.mfaEnabled&&(0,I.jsx)(C,{label:`Code from your second factor`,name:`code`,autoComplete:`one-time-code`,value:s,onChange:e=>c(e.target.value),error:_.fields.code,hint:e.mfaMethod===`SMS`?`The texted code, or a backup code.`:`The code your authenticator app shows now, or a backup code.`,required:!0}),(0,I.jsx)(i,{type:`submit`,variant:`danger`,loading:m.fetching,children:`Delete your account`})]}),(0,I.jsxs)(y,{open:f,title:`Delete your account for good?`,onClose:()=>p(!1),children:[(0,I.jsxs)(`p`,{children:[e.email,` and everything it holds will be deleted, and you will be signed out everywhere. There is no way back.`]}),(0,I.jsxs)(`div`,{className:`actions`,children:[(0,I.jsx)(i,{variant:`danger`,onClick:()=>void v(),children:`Delete my account`}),(0,I.jsx)(i,{variant:`secondary`,onClick:()=>p(!1),children:`Keep my account`})]})]})]})}function B(e=new Date){let t=e=>String(e).padStart(2,`0`);return`accountql-data-${e.getFullYear()}-${t(e.getMonth()+1)}-${t(e.getDate())}.json`}function V(e){return e<1024?`${e} bytes`:`${Math.ceil(e/1024)} KB`}function H(){let[e,t]=d(P),[n,a]=(0,E.useState)(null);(0,E.useEffect)(()=>n?()=>URL.revokeObjectURL(n.href):void 0,[n]);let s=async()=>{let e=await t({});if(e.data===void 0)return;let n=new Blob([`${JSON.stringify(e.data.exportMyData,null,2)}\n`],{type:`application/json`}),r={href:URL.createObjectURL(n),name:B(),size:n.size},i=document.createElement(`a`);i.href=r.href,i.download=r.name,i.click(),a(r)};return(0,I.jsxs)(r,{title:`Download your data`,description:`Everything the service holds about you, as one JSON file: your profile, memberships, sessions, login history, keys (never their secrets) and the activity about you. It asks for your password again first; five downloads an hour.`,children:[(0,I.jsx)(f,{message:o(e.error).form}),(0,I.jsx)(`div`,{className:`actions`,children:(0,I.jsx)(i,{variant:`secondary`,onClick:()=>void s(),loading:e.fetching,children:`Download your data`})}),n&&(0,I.jsxs)(h,{tone:`success`,children:[`Your data is saved as `,n.name,` (`,V(n.size),`).`,` `,(0,I.jsx)(`a`,{href:n.href,download:n.name,children:`Save it again`})]})]})}function U(){let[e,t]=s({query:D,requestPolicy:`cache-and-network`}),{refresh:n}=x(),r=e.data?.me,i=()=>{t({requestPolicy:`network-only`}),n()};return(0,I.jsx)(c,{title:`Profile`,children:r?(0,I.jsxs)(I.Fragment,{children:[(0,I.jsxs)(`p`,{className:`muted`,children:[`Account created `,(0,I.jsx)(b,{value:r.createdAt}),`.`]}),(0,I.jsx)(W,{name:r.name,onDone:i}),(0,I.jsx)(G,{email:r.email,verified:r.emailVerified}),(0,I.jsx)(K,{phoneNumber:r.phoneNumber,onDone:i}),(0,I.jsx)(q,{enabled:r.loginNotifications,verified:r.emailVerified}),(0,I.jsx)(H,{}),(0,I.jsx)(z,{})]}):e.error?(0,I.jsx)(_,{message:a(e.error)??``}):(0,I.jsx)(g,{})})}function W({name:e,onDone:t}){let[n,a]=(0,E.useState)(e),[s,c]=d(O),l=o(s.error,[`name`]);return(0,I.jsx)(r,{title:`Name`,children:(0,I.jsxs)(u,{onSubmit:async()=>{(await c({input:{name:n.trim()}})).data&&t()},error:l.form,label:`Name`,children:[(0,I.jsx)(C,{label:`Name`,name:`name`,autoComplete:`name`,value:n,onChange:e=>a(e.target.value),error:l.fields.name,hint:`200 characters at most.`,required:!0}),(0,I.jsx)(i,{type:`submit`,loading:s.fetching,children:`Save the name`}),s.data&&(0,I.jsx)(h,{tone:`success`,children:`Saved.`})]})})}function G({email:e,verified:t}){let[n,a]=(0,E.useState)(``),[s,c]=(0,E.useState)(null),[l,f]=d(k),p=o(l.error,[`newEmail`]);return(0,I.jsxs)(r,{title:`E-mail address`,children:[(0,I.jsxs)(`p`,{children:[e,` · `,t?`verified`:(0,I.jsx)(`strong`,{children:`not verified`}),` `,!t&&(0,I.jsx)(w,{})]}),(0,I.jsxs)(u,{onSubmit:async()=>{(await f({input:{newEmail:n.trim()}})).data?.changeEmail&&(c(n.trim()),a(``))},error:p.form,label:`Change the e-mail address`,children:[(0,I.jsx)(C,{label:`New e-mail address`,name:`newEmail`,type:`email`,autoComplete:`email`,value:n,onChange:e=>a(e.target.value),error:p.fields.newEmail,hint:`We send a link to it; the address changes once the link is followed.`,required:!0}),(0,I.jsx)(i,{type:`submit`,loading:l.fetching,children:`Send the confirmation link`}),s&&(0,I.jsxs)(h,{tone:`success`,children:[`A link is on its way to `,s,`. Your address changes once it is followed.`]})]})]})}function K({phoneNumber:e,onDone:t}){let[n,a]=(0,E.useState)(``),[s,c]=(0,E.useState)(``),[l,p]=(0,E.useState)(!1),[g,_]=d(A),[v,y]=d(j),[b,x]=d(M),S=o(g.error,[`phoneNumber`]),w=o(v.error,[`code`]);return(0,I.jsxs)(r,{title:`Phone number`,description:`For password resets by SMS, and for SMS as a second factor.`,children:[(0,I.jsx)(`p`,{children:e?(0,I.jsxs)(I.Fragment,{children:[`Verified number: `,e]}):`No phone number.`}),e&&(0,I.jsxs)(I.Fragment,{children:[(0,I.jsx)(f,{message:o(b.error).form}),(0,I.jsx)(m,{label:`Remove the phone number`,title:`Remove the phone number?`,question:`SMS resets stop; if SMS is your second factor, multi-factor authentication turns off.`,confirmLabel:`Remove`,loading:b.fetching,onConfirm:()=>x({}).then(e=>e.data&&t())})]}),(0,I.jsxs)(u,{onSubmit:async()=>{(await _({input:{phoneNumber:n.trim()}})).data?.setPhoneNumber&&p(!0)},error:S.form,label:`Set a phone number`,children:[(0,I.jsx)(C,{label:e?`New phone number`:`Phone number`,name:`phoneNumber`,type:`tel`,autoComplete:`tel`,value:n,onChange:e=>a(e.target.value),error:S.fields.phoneNumber,hint:`With its country code, e.g. +33612345678. We text it a code.`,required:!0}),(0,I.jsx)(i,{type:`submit`,loading:g.fetching,children:`Text me a code`})]}),l&&(0,I.jsxs)(u,{onSubmit:async()=>{(await y({input:{code:s.trim()}})).data&&(p(!1),c(``),a(``),t())},error:w.form,label:`Verify the phone number`,children:[(0,I.jsxs)(h,{tone:`success`,children:[`A code is on its way to `,n,`.`]}),(0,I.jsx)(C,{label:`Code from the text message`,name:`code`,inputMode:`numeric`,autoComplete:`one-time-code`,value:s,onChange:e=>c(e.target.value),error:w.fields.code,hint:`6 digits; five tries.`,required:!0}),(0,I.jsx)(i,{type:`submit`,loading:v.fetching,children:`Verify the number`})]})]})}function q({enabled:e,verified:t}){let[n,i]=d(N),a=o(n.error,[`enabled`]),s=n.data?.setLoginNotifications.loginNotifications??e;return(0,I.jsx)(r,{title:`Login notifications`,children:(0,I.jsx)(u,{onSubmit:()=>void 0,error:a.form,label:`Login notifications`,children:(0,I.jsx)(v,{label:`E-mail me about every login attempt on my account`,checked:s,disabled:n.fetching,onChange:e=>void i({input:{enabled:e.target.checked}}),error:a.fields.enabled,hint:t?void 0:`Needs a verified e-mail address.`})})})}export{U as ProfilePage};