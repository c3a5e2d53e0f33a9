import{r as e}from"./rolldown-runtime-XKyaHtl9.js";import{a as t,i as n}from"./client-Cr3p7Tk6.js";import{a as r,c as i,d as a,f as o,g as s,i as c,o as l,r as u,s as d,t as f}from"./gql-DSmDaiqE.js";import{t as p}from"./ConfirmButton-WIr6VyKM.js";import{C as m,E as h,T as g,a as _,n as v,w as y,y as b}from"./console-DwmoPqEn.js";import{ResendVerification as x}from"./EmailVerification-2PdNfugH.js";var S=e(n(),1),C=f(`
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
`),A=t();function j(){let[e,t]=s({query:C,requestPolicy:`cache-and-network`}),{refresh:n}=v(),r=e.data?.me,i=()=>{t({requestPolicy:`network-only`}),n()};return(0,A.jsx)(c,{title:`Profile`,children:r?(0,A.jsxs)(A.Fragment,{children:[(0,A.jsxs)(`p`,{className:`muted`,children:[`Account created `,(0,A.jsx)(_,{value:r.createdAt}),`.`]}),(0,A.jsx)(M,{name:r.name,onDone:i}),(0,A.jsx)(N,{email:r.email,verified:r.emailVerified}),(0,A.jsx)(P,{phoneNumber:r.phoneNumber,onDone:i}),(0,A.jsx)(F,{enabled:r.loginNotifications,verified:r.emailVerified})]}):e.error?(0,A.jsx)(y,{message:a(e.error)??``}):(0,A.jsx)(g,{})})}function M({name:e,onDone:t}){let[n,a]=(0,S.useState)(e),[s,c]=u(w),d=o(s.error,[`name`]);return(0,A.jsx)(r,{title:`Name`,children:(0,A.jsxs)(l,{onSubmit:async()=>{(await c({input:{name:n.trim()}})).data&&t()},error:d.form,label:`Name`,children:[(0,A.jsx)(m,{label:`Name`,name:`name`,autoComplete:`name`,value:n,onChange:e=>a(e.target.value),error:d.fields.name,hint:`200 characters at most.`,required:!0}),(0,A.jsx)(i,{type:`submit`,loading:s.fetching,children:`Save the name`}),s.data&&(0,A.jsx)(h,{tone:`success`,children:`Saved.`})]})})}function N({email:e,verified:t}){let[n,a]=(0,S.useState)(``),[s,c]=(0,S.useState)(null),[d,f]=u(T),p=o(d.error,[`newEmail`]);return(0,A.jsxs)(r,{title:`E-mail address`,children:[(0,A.jsxs)(`p`,{children:[e,` · `,t?`verified`:(0,A.jsx)(`strong`,{children:`not verified`}),` `,!t&&(0,A.jsx)(x,{})]}),(0,A.jsxs)(l,{onSubmit:async()=>{(await f({input:{newEmail:n.trim()}})).data?.changeEmail&&(c(n.trim()),a(``))},error:p.form,label:`Change the e-mail address`,children:[(0,A.jsx)(m,{label:`New e-mail address`,name:`newEmail`,type:`email`,autoComplete:`email`,value:n,onChange:e=>a(e.target.value),error:p.fields.newEmail,hint:`We send a link to it; the address changes once the link is followed.`,required:!0}),(0,A.jsx)(i,{type:`submit`,loading:d.fetching,children:`Send the confirmation link`}),s&&(0,A.jsxs)(h,{tone:`success`,children:[`A link is on its way to `,s,`. Your address changes once it is followed.`]})]})]})}function P({phoneNumber:e,onDone:t}){let[n,a]=(0,S.useState)(``),[s,c]=(0,S.useState)(``),[f,g]=(0,S.useState)(!1),[_,v]=u(E),[y,b]=u(D),[x,C]=u(O),w=o(_.error,[`phoneNumber`]),T=o(y.error,[`code`]);return(0,A.jsxs)(r,{title:`Phone number`,description:`For password resets by SMS, and for SMS as a second factor.`,children:[(0,A.jsx)(`p`,{children:e?(0,A.jsxs)(A.Fragment,{children:[`Verified number: `,e]}):`No phone number.`}),e&&(0,A.jsxs)(A.Fragment,{children:[(0,A.jsx)(d,{message:o(x.error).form}),(0,A.jsx)(p,{label:`Remove the phone number`,title:`Remove the phone number?`,question:`SMS resets stop; if SMS is your second factor, multi-factor authentication turns off.`,confirmLabel:`Remove`,loading:x.fetching,onConfirm:()=>C({}).then(e=>e.data&&t())})]}),(0,A.jsxs)(l,{onSubmit:async()=>{(await v({input:{phoneNumber:n.trim()}})).data?.setPhoneNumber&&g(!0)},error:w.form,label:`Set a phone number`,children:[(0,A.jsx)(m,{label:e?`New phone number`:`Phone number`,name:`phoneNumber`,type:`tel`,autoComplete:`tel`,value:n,onChange:e=>a(e.target.value),error:w.fields.phoneNumber,hint:`With its country code, e.g. +33612345678. We text it a code.`,required:!0}),(0,A.jsx)(i,{type:`submit`,loading:_.fetching,children:`Text me a code`})]}),f&&(0,A.jsxs)(l,{onSubmit:async()=>{(await b({input:{code:s.trim()}})).data&&(g(!1),c(``),a(``),t())},error:T.form,label:`Verify the phone number`,children:[(0,A.jsxs)(h,{tone:`success`,children:[`A code is on its way to `,n,`.`]}),(0,A.jsx)(m,{label:`Code from the text message`,name:`code`,inputMode:`numeric`,autoComplete:`one-time-code`,value:s,onChange:e=>c(e.target.value),error:T.fields.code,hint:`6 digits; five tries.`,required:!0}),(0,A.jsx)(i,{type:`submit`,loading:y.fetching,children:`Verify the number`})]})]})}function F({enabled:e,verified:t}){let[n,i]=u(k),a=o(n.error,[`enabled`]),s=n.data?.setLoginNotifications.loginNotifications??e;return(0,A.jsx)(r,{title:`Login notifications`,children:(0,A.jsx)(l,{onSubmit:()=>void 0,error:a.form,label:`Login notifications`,children:(0,A.jsx)(b,{label:`E-mail me about every login attempt on my account`,checked:s,disabled:n.fetching,onChange:e=>void i({input:{enabled:e.target.checked}}),error:a.fields.enabled,hint:t?void 0:`Needs a verified e-mail address.`})})})}export{j as ProfilePage};