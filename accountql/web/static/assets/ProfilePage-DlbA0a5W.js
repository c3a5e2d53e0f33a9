import{r as e}from"./rolldown-runtime-XKyaHtl9.js";import{a as t,i as n}from"./client-Cr3p7Tk6.js";import{a as r,c as i,d as a,f as o,g as s,i as c,o as l,r as u,s as d,t as f}from"./gql-CQ2POXr1.js";import{t as p}from"./ConfirmButton-B8SPpgKN.js";import{C as m,S as h,a as g,b as _,g as v,n as y,x as b}from"./console-DSKCVTCo.js";import{ResendVerification as x}from"./EmailVerification-BNj615la.js";var S=e(n(),1),C=f(`
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
`),w=f(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      id
      name
    }
  }
`),T=f(`
  mutation ChangeEmail($input: ChangeEmailInput!) {
    changeEmail(input: $input)
  }
`),E=f(`
  mutation SetPhoneNumber($input: SetPhoneNumberInput!) {
    setPhoneNumber(input: $input)
  }
`),D=f(`
  mutation VerifyPhoneNumber($input: VerifyPhoneNumberInput!) {
    verifyPhoneNumber(input: $input) {
      id
      phoneNumber
    }
  }
`),O=f(`
  mutation RemovePhoneNumber {
    removePhoneNumber {
      id
      phoneNumber
      mfaEnabled
      mfaMethod
    }
  }
`),k=f(`
  mutation SetLoginNotifications($input: SetLoginNotificationsInput!) {
    setLoginNotifications(input: $input) {
      id
      loginNotifications
    }
  }
`),A=f(`
  mutation ExportMyData {
    exportMyData
  }
`),j=t();function M(e=new Date){let t=e=>String(e).padStart(2,`0`);return`accountql-data-${e.getFullYear()}-${t(e.getMonth()+1)}-${t(e.getDate())}.json`}function N(e){return e<1024?`${e} bytes`:`${Math.ceil(e/1024)} KB`}function P(){let[e,t]=u(A),[n,a]=(0,S.useState)(null);(0,S.useEffect)(()=>n?()=>URL.revokeObjectURL(n.href):void 0,[n]);let s=async()=>{let e=await t({});if(e.data===void 0)return;let n=new Blob([`${JSON.stringify(e.data.exportMyData,null,2)}\n`],{type:`application/json`}),r={href:URL.createObjectURL(n),name:M(),size:n.size},i=document.createElement(`a`);i.href=r.href,i.download=r.name,i.click(),a(r)};return(0,j.jsxs)(r,{title:`Download your data`,description:`Everything the service holds about you, as one JSON file: your profile, memberships, sessions, login history, keys (never their secrets) and the activity about you. It asks for your password again first; five downloads an hour.`,children:[(0,j.jsx)(d,{message:o(e.error).form}),(0,j.jsx)(`div`,{className:`actions`,children:(0,j.jsx)(i,{variant:`secondary`,onClick:()=>void s(),loading:e.fetching,children:`Download your data`})}),n&&(0,j.jsxs)(m,{tone:`success`,children:[`Your data is saved as `,n.name,` (`,N(n.size),`).`,` `,(0,j.jsx)(`a`,{href:n.href,download:n.name,children:`Save it again`})]})]})}function F(){let[e,t]=s({query:C,requestPolicy:`cache-and-network`}),{refresh:n}=y(),r=e.data?.me,i=()=>{t({requestPolicy:`network-only`}),n()};return(0,j.jsx)(c,{title:`Profile`,children:r?(0,j.jsxs)(j.Fragment,{children:[(0,j.jsxs)(`p`,{className:`muted`,children:[`Account created `,(0,j.jsx)(g,{value:r.createdAt}),`.`]}),(0,j.jsx)(I,{name:r.name,onDone:i}),(0,j.jsx)(L,{email:r.email,verified:r.emailVerified}),(0,j.jsx)(R,{phoneNumber:r.phoneNumber,onDone:i}),(0,j.jsx)(z,{enabled:r.loginNotifications,verified:r.emailVerified}),(0,j.jsx)(P,{})]}):e.error?(0,j.jsx)(b,{message:a(e.error)??``}):(0,j.jsx)(h,{})})}function I({name:e,onDone:t}){let[n,a]=(0,S.useState)(e),[s,c]=u(w),d=o(s.error,[`name`]);return(0,j.jsx)(r,{title:`Name`,children:(0,j.jsxs)(l,{onSubmit:async()=>{(await c({input:{name:n.trim()}})).data&&t()},error:d.form,label:`Name`,children:[(0,j.jsx)(_,{label:`Name`,name:`name`,autoComplete:`name`,value:n,onChange:e=>a(e.target.value),error:d.fields.name,hint:`200 characters at most.`,required:!0}),(0,j.jsx)(i,{type:`submit`,loading:s.fetching,children:`Save the name`}),s.data&&(0,j.jsx)(m,{tone:`success`,children:`Saved.`})]})})}function L({email:e,verified:t}){let[n,a]=(0,S.useState)(``),[s,c]=(0,S.useState)(null),[d,f]=u(T),p=o(d.error,[`newEmail`]);return(0,j.jsxs)(r,{title:`E-mail address`,children:[(0,j.jsxs)(`p`,{children:[e,` · `,t?`verified`:(0,j.jsx)(`strong`,{children:`not verified`}),` `,!t&&(0,j.jsx)(x,{})]}),(0,j.jsxs)(l,{onSubmit:async()=>{(await f({input:{newEmail:n.trim()}})).data?.changeEmail&&(c(n.trim()),a(``))},error:p.form,label:`Change the e-mail address`,children:[(0,j.jsx)(_,{label:`New e-mail address`,name:`newEmail`,type:`email`,autoComplete:`email`,value:n,onChange:e=>a(e.target.value),error:p.fields.newEmail,hint:`We send a link to it; the address changes once the link is followed.`,required:!0}),(0,j.jsx)(i,{type:`submit`,loading:d.fetching,children:`Send the confirmation link`}),s&&(0,j.jsxs)(m,{tone:`success`,children:[`A link is on its way to `,s,`. Your address changes once it is followed.`]})]})]})}function R({phoneNumber:e,onDone:t}){let[n,a]=(0,S.useState)(``),[s,c]=(0,S.useState)(``),[f,h]=(0,S.useState)(!1),[g,v]=u(E),[y,b]=u(D),[x,C]=u(O),w=o(g.error,[`phoneNumber`]),T=o(y.error,[`code`]);return(0,j.jsxs)(r,{title:`Phone number`,description:`For password resets by SMS, and for SMS as a second factor.`,children:[(0,j.jsx)(`p`,{children:e?(0,j.jsxs)(j.Fragment,{children:[`Verified number: `,e]}):`No phone number.`}),e&&(0,j.jsxs)(j.Fragment,{children:[(0,j.jsx)(d,{message:o(x.error).form}),(0,j.jsx)(p,{label:`Remove the phone number`,title:`Remove the phone number?`,question:`SMS resets stop; if SMS is your second factor, multi-factor authentication turns off.`,confirmLabel:`Remove`,loading:x.fetching,onConfirm:()=>C({}).then(e=>e.data&&t())})]}),(0,j.jsxs)(l,{onSubmit:async()=>{(await v({input:{phoneNumber:n.trim()}})).data?.setPhoneNumber&&h(!0)},error:w.form,label:`Set a phone number`,children:[(0,j.jsx)(_,{label:e?`New phone number`:`Phone number`,name:`phoneNumber`,type:`tel`,autoComplete:`tel`,value:n,onChange:e=>a(e.target.value),error:w.fields.phoneNumber,hint:`With its country code, e.g. +33612345678. We text it a code.`,required:!0}),(0,j.jsx)(i,{type:`submit`,loading:g.fetching,children:`Text me a code`})]}),f&&(0,j.jsxs)(l,{onSubmit:async()=>{(await b({input:{code:s.trim()}})).data&&(h(!1),c(``),a(``),t())},error:T.form,label:`Verify the phone number`,children:[(0,j.jsxs)(m,{tone:`success`,children:[`A code is on its way to `,n,`.`]}),(0,j.jsx)(_,{label:`Code from the text message`,name:`code`,inputMode:`numeric`,autoComplete:`one-time-code`,value:s,onChange:e=>c(e.target.value),error:T.fields.code,hint:`6 digits; five tries.`,required:!0}),(0,j.jsx)(i,{type:`submit`,loading:y.fetching,children:`Verify the number`})]})]})}function z({enabled:e,verified:t}){let[n,i]=u(k),a=o(n.error,[`enabled`]),s=n.data?.setLoginNotifications.loginNotifications??e;return(0,j.jsx)(r,{title:`Login notifications`,children:(0,j.jsx)(l,{onSubmit:()=>void 0,error:a.form,label:`Login notifications`,children:(0,j.jsx)(v,{label:`E-mail me about every login attempt on my account`,checked:s,disabled:n.fetching,onChange:e=>void i({input:{enabled:e.target.checked}}),error:a.fields.enabled,hint:t?void 0:`Needs a verified e-mail address.`})})})}export{F as ProfilePage};