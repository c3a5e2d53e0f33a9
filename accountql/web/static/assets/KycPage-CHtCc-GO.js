import{r as e}from"./rolldown-runtime-XKyaHtl9.js";import{a as t,i as n}from"./client-Cr3p7Tk6.js";import{l as r}from"./chunk-Z7SQORRT-BauV6LAx.js";import{a as i,c as a,f as o,g as s,i as c,o as l,r as u,t as d}from"./gql-S9mNE-Oe.js";import{_ as f,f as p,m}from"./console-B6dIkyNv.js";import{i as h,o as g,u as _}from"./labels-SXoNuJSA.js";import{n as v,t as y}from"./OrganizationGate-UrYirN68.js";var b=e(n(),1),x=d(`
  query Kyc($id: ID!) {
    organization(id: $id) {
      id
      name
      mfaEnforced
      mfaGraceUntil
      mfaLevel
      kycStatus
    }
  }
`),S=d(`
  mutation SubmitKyc($input: SubmitKycInput!) {
    submitKyc(input: $input) {
      id
      kycStatus
    }
  }
`),C=t();function w(){let{orgId:e=``}=r(),t=v(e)?.role===`OWNER`,[n,i]=s({query:x,variables:{id:e},requestPolicy:`cache-and-network`});return(0,C.jsx)(y,{title:`Identity verification`,result:n,children:e=>(0,C.jsxs)(c,{title:`Identity verification of ${e.name}`,intro:`Staff check an identity document and a selfie holding it before raising limits past the defaults.`,children:[(0,C.jsxs)(`p`,{children:[`Status: `,(0,C.jsx)(`strong`,{children:e.kycStatus?g[e.kycStatus]:`unknown`})]}),t?e.kycStatus!==`APPROVED`&&e.kycStatus!==`PENDING`&&(0,C.jsx)(T,{organizationId:e.id,onDone:()=>i({requestPolicy:`network-only`})}):(0,C.jsx)(`p`,{className:`muted`,children:`Only owners send the verification.`})]})})}function T({organizationId:e,onDone:t}){let[n,r]=(0,b.useState)(`PASSPORT`),[s,c]=(0,b.useState)(null),[d,g]=(0,b.useState)(null),[v,y]=u(S),x=o(v.error,[`document`,`selfie`,`documentType`]),w=!s||!d;return(0,C.jsx)(i,{title:`Send the verification`,children:(0,C.jsxs)(l,{onSubmit:async()=>{s&&d&&(await y({input:{organizationId:e,documentType:n,document:s,selfie:d}})).data&&t()},error:x.form,label:`Send the identity verification`,children:[(0,C.jsx)(p,{label:`Document`,value:n,onChange:e=>r(e.target.value),options:_(h),error:x.fields.documentType}),(0,C.jsx)(m,{label:`Image of the document`,name:`document`,type:`file`,accept:`image/jpeg,image/png,application/pdf`,onChange:e=>c(e.target.files?.[0]??null),error:x.fields.document,hint:`JPEG, PNG or PDF.`,required:!0}),(0,C.jsx)(m,{label:`Selfie holding the document`,name:`selfie`,type:`file`,accept:`image/jpeg,image/png,application/pdf`,onChange:e=>g(e.target.files?.[0]??null),error:x.fields.selfie,hint:`JPEG, PNG or PDF.`,required:!0}),(0,C.jsx)(a,{type:`submit`,loading:v.fetching,disabled:w,children:`Send`}),v.data&&(0,C.jsx)(f,{tone:`success`,children:`Sent: staff will review it.`})]})})}export{w as KycPage};