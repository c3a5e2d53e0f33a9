import{r as e}from"./rolldown-runtime-XKyaHtl9.js";import{a as t,i as n}from"./client-Cr3p7Tk6.js";import{a as r,c as i,d as a,f as o,g as s,i as c,l,o as u,r as d,s as f,t as p}from"./gql-S9mNE-Oe.js";import{t as m}from"./ConfirmButton-D1UPyhbI.js";import{_ as h,g,h as _,i as v,m as y,o as b,r as x,s as S,t as C,u as w}from"./console-B6dIkyNv.js";import{ResendVerification as T}from"./EmailVerification-Ccijj2Mg.js";import{t as E}from"./chunk-Z7SQORRT-BauV6LAx.js";var D=e(n(),1),O=p(`
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
`),k=p(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      id
      name
    }
  }
`),A=p(`
  mutation ChangeEmail($input: ChangeEmailInput!) {
    changeEmail(input: $input)
  }
`),j=p(`
  mutation SetPhoneNumber($input: SetPhoneNumberInput!) {
    setPhoneNumber(input: $input)
  }
`),M=p(`
  mutation VerifyPhoneNumber($input: VerifyPhoneNumberInput!) {
    verifyPhoneNumber(input: $input) {
      id
      phoneNumber
    }
  }
`),N=p(`
  mutation RemovePhoneNumber {
    removePhoneNumber {
      id
      phoneNumber
      mfaEnabled
      mfaMethod
    }
  }
`),P=p(`
  mutation SetLoginNotifications($input: SetLoginNotificationsInput!) {
    setLoginNotifications(input: $input) {
      id
      loginNotifications
    }
  }
`),F=p(`
  mutation ExportMyData {
    exportMyData
  }
`),I=p(`
  mutation DeleteAccount($input: DeleteAccountInput!) {
    deleteAccount(input: $input)
  }
`),L=t();function R(e){if(typeof e!=`object`||!e)return!1;let{id:t,name:n}=e;return typeof t==`string`&&typeof n==`string`}function z(e){let t=e?.graphQLErrors.find(e=>e.extensions?.code===`CONFLICT`),n=t?.extensions?.organizations;return!t||!Array.isArray(n)?null:{message:t.message,organizations:n.filter(R)}}function B(){let{viewer:e}=x(),t=C(),[n,a]=(0,D.useState)(``),[s,c]=(0,D.useState)(``),[f,p]=(0,D.useState)(!1),[m,h]=(0,D.useState)(null),[g,_]=d(I),[b,w]=S(),T=e.mfaEnabled&&e.passkeys.totalCount>0,O=T&&s.trim()===``,k=z(g.error),A=k?l:o(g.error,[`password`,`code`,`passkey`]),j=async()=>{p(!1),h(null);let r;if(O){let e=await w();if(e.error!==void 0){h(e.error);return}r={password:n,passkey:e.credential}}else r=e.mfaEnabled?{password:n,code:s.trim()}:{password:n};t.expect(`account-deleted`),(await _({input:r})).data?.deleteAccount?t.leave(`account-deleted`):t.expect(null)};return(0,L.jsxs)(r,{title:`Delete your account`,tone:`danger`,children:[(0,L.jsx)(`p`,{children:`This cannot be undone. Your sessions, API keys, second factors, phone number, SSH keys, login history and memberships go at once; your address becomes free for a new account. Organizations keep their records, signed “Deleted user”.`}),(0,L.jsx)(`p`,{children:`You cannot delete your account while you are the last owner of an organization: make another member an owner, or delete the organization, first. You may want to download your data before.`}),k&&(0,L.jsxs)(`div`,{className:`notice notice-error`,role:`alert`,children:[(0,L.jsx)(`p`,{children:k.message}),(0,L.jsx)(`ul`,{children:k.organizations.map(e=>(0,L.jsxs)(`li`,{children:[(0,L.jsx)(`strong`,{children:e.name}),`: `,(0,L.jsxs)(E,{to:`/orgs/${e.id}/members`,children:[`make another member of `,e.name,` an owner`]}),`, or`,` `,(0,L.jsxs)(E,{to:`/orgs/${e.id}`,children:[`delete `,e.name,` from its page`]})]},e.id))})]}),(0,L.jsxs)(u,{onSubmit:()=>p(!0),error:m??A.fields.passkey??A.form,label:`Delete your account`,children:[(0,L.jsx)(y,{label:`Your password`,name:`password`,type:`password`,autoComplete:`current-password`,value:n,onChange:e=>a(e.target.value),error:A.fields.password,required:!0}),e.mfaEnabled&&(0,L.jsx)(y,{label:`Code from your second factor`,name:`code`,autoComplete:`one-time-code`,value:s,onChange:e=>c(e.target.value),error:A.fields.code,hint:T?`Leave it empty to confirm with your passkey, or give a code from your authenticator app or a backup code.`:e.mfaMethod===`SMS`?`The texted code, or a backup code.`:`The code your authenticator app shows now, or a backup code.`,required:!T}),(0,L.jsx)(i,{type:`submit`,variant:`danger`,loading:g.fetching||b,children:`Delete your account`})]}),(0,L.jsxs)(v,{open:f,title:`Delete your account for good?`,onClose:()=>p(!1),children:[(0,L.jsxs)(`p`,{children:[e.email,` and everything it holds will be deleted, and you will be signed out everywhere. There is no way back.`]}),(0,L.jsxs)(`div`,{className:`actions`,children:[(0,L.jsx)(i,{variant:`danger`,onClick:()=>void j(),children:`Delete my account`}),(0,L.jsx)(i,{variant:`secondary`,onClick:()=>p(!1),children:`Keep my account`})]})]})]})}function V(e=new Date){let t=e=>String(e).padStart(2,`0`);return`accountql-data-${e.getFullYear()}-${t(e.getMonth()+1)}-${t(e.getDate())}.json`}function H(e){return e<1024?`${e} bytes`:`${Math.ceil(e/1024)} KB`}function U(){let[e,t]=d(F),[n,a]=(0,D.useState)(null);(0,D.useEffect)(()=>n?()=>URL.revokeObjectURL(n.href):void 0,[n]);let s=async()=>{let e=await t({});if(e.data===void 0)return;let n=new Blob([`${JSON.stringify(e.data.exportMyData,null,2)}\n`],{type:`application/json`}),r={href:URL.createObjectURL(n),name:V(),size:n.size},i=document.createElement(`a`);i.href=r.href,i.download=r.name,i.click(),a(r)};return(0,L.jsxs)(r,{title:`Download your data`,description:`Everything the service holds about you, as one JSON file: your profile, memberships, sessions, login history, keys (never their secrets) and the activity about you. It asks for your password again first; five downloads an hour.`,children:[(0,L.jsx)(f,{message:o(e.error).form}),(0,L.jsx)(`div`,{className:`actions`,children:(0,L.jsx)(i,{variant:`secondary`,onClick:()=>void s(),loading:e.fetching,children:`Download your data`})}),n&&(0,L.jsxs)(h,{tone:`success`,children:[`Your data is saved as `,n.name,` (`,H(n.size),`).`,` `,(0,L.jsx)(`a`,{href:n.href,download:n.name,children:`Save it again`})]})]})}function W(){let[e,t]=s({query:O,requestPolicy:`cache-and-network`}),{refresh:n}=x(),r=e.data?.me,i=()=>{t({requestPolicy:`network-only`}),n()};return(0,L.jsx)(c,{title:`Profile`,children:r?(0,L.jsxs)(L.Fragment,{children:[(0,L.jsxs)(`p`,{className:`muted`,children:[`Account created `,(0,L.jsx)(b,{value:r.createdAt}),`.`]}),(0,L.jsx)(G,{name:r.name,onDone:i}),(0,L.jsx)(K,{email:r.email,verified:r.emailVerified}),(0,L.jsx)(q,{phoneNumber:r.phoneNumber,onDone:i}),(0,L.jsx)(J,{enabled:r.loginNotifications,verified:r.emailVerified}),(0,L.jsx)(U,{}),(0,L.jsx)(B,{})]}):e.error?(0,L.jsx)(_,{message:a(e.error)??``}):(0,L.jsx)(g,{})})}function G({name:e,onDone:t}){let[n,a]=(0,D.useState)(e),[s,c]=d(k),l=o(s.error,[`name`]);return(0,L.jsx)(r,{title:`Name`,children:(0,L.jsxs)(u,{onSubmit:async()=>{(await c({input:{name:n.trim()}})).data&&t()},error:l.form,label:`Name`,children:[(0,L.jsx)(y,{label:`Name`,name:`name`,autoComplete:`name`,value:n,onChange:e=>a(e.target.value),error:l.fields.name,hint:`200 characters at most.`,required:!0}),(0,L.jsx)(i,{type:`submit`,loading:s.fetching,children:`Save the name`}),s.data&&(0,L.jsx)(h,{tone:`success`,children:`Saved.`})]})})}function K({email:e,verified:t}){let[n,a]=(0,D.useState)(``),[s,c]=(0,D.useState)(null),[l,f]=d(A),p=o(l.error,[`newEmail`]);return(0,L.jsxs)(r,{title:`E-mail address`,children:[(0,L.jsxs)(`p`,{children:[e,` · `,t?`verified`:(0,L.jsx)(`strong`,{children:`not verified`}),` `,!t&&(0,L.jsx)(T,{})]}),(0,L.jsxs)(u,{onSubmit:async()=>{(await f({input:{newEmail:n.trim()}})).data?.changeEmail&&(c(n.trim()),a(``))},error:p.form,label:`Change the e-mail address`,children:[(0,L.jsx)(y,{label:`New e-mail address`,name:`newEmail`,type:`email`,autoComplete:`email`,value:n,onChange:e=>a(e.target.value),error:p.fields.newEmail,hint:`We send a link to it; the address changes once the link is followed.`,required:!0}),(0,L.jsx)(i,{type:`submit`,loading:l.fetching,children:`Send the confirmation link`}),s&&(0,L.jsxs)(h,{tone:`success`,children:[`A link is on its way to `,s,`. Your address changes once it is followed.`]})]})]})}function q({phoneNumber:e,onDone:t}){let[n,a]=(0,D.useState)(``),[s,c]=(0,D.useState)(``),[l,p]=(0,D.useState)(!1),[g,_]=d(j),[v,b]=d(M),[x,S]=d(N),C=o(g.error,[`phoneNumber`]),w=o(v.error,[`code`]);return(0,L.jsxs)(r,{title:`Phone number`,description:`For password resets by SMS, and for SMS as a second factor.`,children:[(0,L.jsx)(`p`,{children:e?(0,L.jsxs)(L.Fragment,{children:[`Verified number: `,e]}):`No phone number.`}),e&&(0,L.jsxs)(L.Fragment,{children:[(0,L.jsx)(f,{message:o(x.error).form}),(0,L.jsx)(m,{label:`Remove the phone number`,title:`Remove the phone number?`,question:`SMS resets stop; if SMS is your second factor, multi-factor authentication turns off.`,confirmLabel:`Remove`,loading:x.fetching,onConfirm:()=>S({}).then(e=>e.data&&t())})]}),(0,L.jsxs)(u,{onSubmit:async()=>{(await _({input:{phoneNumber:n.trim()}})).data?.setPhoneNumber&&p(!0)},error:C.form,label:`Set a phone number`,children:[(0,L.jsx)(y,{label:e?`New phone number`:`Phone number`,name:`phoneNumber`,type:`tel`,autoComplete:`tel`,value:n,onChange:e=>a(e.target.value),error:C.fields.phoneNumber,hint:`With its country code, e.g. +33612345678. We text it a code.`,required:!0}),(0,L.jsx)(i,{type:`submit`,loading:g.fetching,children:`Text me a code`})]}),l&&(0,L.jsxs)(u,{onSubmit:async()=>{(await b({input:{code:s.trim()}})).data&&(p(!1),c(``),a(``),t())},error:w.form,label:`Verify the phone number`,children:[(0,L.jsxs)(h,{tone:`success`,children:[`A code is on its way to `,n,`.`]}),(0,L.jsx)(y,{label:`Code from the text message`,name:`code`,inputMode:`numeric`,autoComplete:`one-time-code`,value:s,onChange:e=>c(e.target.value),error:w.fields.code,hint:`6 digits; five tries.`,required:!0}),(0,L.jsx)(i,{type:`submit`,loading:v.fetching,children:`Verify the number`})]})]})}function J({enabled:e,verified:t}){let[n,i]=d(P),a=o(n.error,[`enabled`]),s=n.data?.setLoginNotifications.loginNotifications??e;return(0,L.jsx)(r,{title:`Login notifications`,children:(0,L.jsx)(u,{onSubmit:()=>void 0,error:a.form,label:`Login notifications`,children:(0,L.jsx)(w,{label:`E-mail me about every login attempt on my account`,checked:s,disabled:n.fetching,onChange:e=>void i({input:{enabled:e.target.checked}}),error:a.fields.enabled,hint:t?void 0:`Needs a verified e-mail address.`})})})}export{W as ProfilePage};