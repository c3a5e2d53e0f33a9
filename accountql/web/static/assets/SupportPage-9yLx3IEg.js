import{r as e}from"./rolldown-runtime-XKyaHtl9.js";import{a as t,i as n}from"./client-Cr3p7Tk6.js";import{l as r}from"./chunk-Z7SQORRT-BauV6LAx.js";import{a as i,c as a,d as o,f as s,g as c,i as l,o as u,r as d,s as f,t as p}from"./gql-S9mNE-Oe.js";import{_ as m,f as h,h as g,m as _,o as v}from"./console-B6dIkyNv.js";import{n as y,t as b}from"./paging-DAndTpTm.js";import{h as x,m as S,u as C}from"./labels-SXoNuJSA.js";import{n as w,t as T}from"./OrganizationGate-UrYirN68.js";var E=e(n(),1),D=p(`
  query Support($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    organization(id: $id) {
      id
      name
      mfaEnforced
      mfaGraceUntil
      mfaLevel
      supportPlan
      supportResponseMinutes
      supportGrants(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo {
          ...PageInfoFields
        }
        edges {
          cursor
          node {
            id
            reason
            createdAt
            expiresAt
            revokedAt
            active
          }
        }
      }
    }
  }
`),O=p(`
  mutation GrantSupportAccess($input: GrantSupportAccessInput!) {
    grantSupportAccess(input: $input) {
      id
      active
      expiresAt
    }
  }
`),k=p(`
  mutation RevokeSupportAccess($input: RevokeSupportAccessInput!) {
    revokeSupportAccess(input: $input) {
      id
      active
      revokedAt
    }
  }
`),A=p(`
  mutation ChangeSupportPlan($input: ChangeSupportPlanInput!) {
    changeSupportPlan(input: $input) {
      id
      supportPlan
      supportResponseMinutes
    }
  }
`),j=t();function M(){let{orgId:e=``}=r(),t=w(e)?.role===`OWNER`,n=b(),[u,p]=c({query:D,variables:{id:e,...n.variables}}),m=()=>p({requestPolicy:`network-only`}),[h,_]=d(k);return(0,j.jsx)(T,{title:`Support`,result:u,children:e=>(0,j.jsxs)(l,{title:`Support for ${e.name}`,children:[(0,j.jsxs)(i,{title:`Support plan`,children:[(0,j.jsxs)(`p`,{children:[e.supportPlan?S[e.supportPlan]:`—`,e.supportResponseMinutes!=null&&` (${e.supportResponseMinutes} minutes to a first answer)`]}),t&&e.supportPlan&&(0,j.jsx)(N,{organizationId:e.id,plan:e.supportPlan,onDone:m})]}),(0,j.jsxs)(i,{title:`Support access`,description:`Let platform staff act in this organization as a manager, for a reason, for up to 24 hours. Everything they do is marked in the audit log.`,children:[t&&(0,j.jsx)(P,{organizationId:e.id,onDone:m}),(0,j.jsx)(f,{message:s(h.error).form}),e.supportGrants?e.supportGrants.edges.length===0?(0,j.jsx)(`p`,{children:`No grant yet.`}):(0,j.jsxs)(j.Fragment,{children:[(0,j.jsx)(`ul`,{className:`item-list`,"aria-label":`Support grants`,children:e.supportGrants.edges.map(({node:e})=>(0,j.jsxs)(`li`,{children:[(0,j.jsxs)(`span`,{children:[x[e.reason],` · given `,(0,j.jsx)(v,{value:e.createdAt}),` ·`,` `,e.active?(0,j.jsxs)(j.Fragment,{children:[(0,j.jsx)(`strong`,{children:`active`}),` until `,(0,j.jsx)(v,{value:e.expiresAt})]}):e.revokedAt?(0,j.jsxs)(j.Fragment,{children:[`ended `,(0,j.jsx)(v,{value:e.revokedAt})]}):(0,j.jsxs)(j.Fragment,{children:[`expired `,(0,j.jsx)(v,{value:e.expiresAt})]})]}),t&&e.active&&(0,j.jsx)(a,{variant:`danger`,loading:h.fetching,onClick:()=>void _({input:{id:e.id}}).then(e=>e.data&&m()),children:`End this grant`})]},e.id))}),(0,j.jsx)(y,{label:`Pages of support grants`,pageInfo:e.supportGrants.pageInfo,totalCount:e.supportGrants.totalCount,paging:n,fetching:u.fetching})]}):(0,j.jsx)(g,{message:o(u.error)??`The grants could not be loaded.`})]})]})})}function N({organizationId:e,plan:t,onDone:n}){let[r,i]=(0,E.useState)(t),[o,c]=d(A),l=s(o.error,[`plan`]);return(0,j.jsxs)(u,{onSubmit:()=>c({input:{organizationId:e,plan:r}}).then(e=>e.data&&n()),error:l.form,label:`Change the support plan`,children:[(0,j.jsx)(h,{label:`Plan`,value:r,onChange:e=>i(e.target.value),options:C(S),error:l.fields.plan}),(0,j.jsx)(a,{type:`submit`,loading:o.fetching,disabled:r===t,children:`Change the plan`})]})}function P({organizationId:e,onDone:t}){let[n,r]=(0,E.useState)(`TROUBLESHOOTING`),[i,o]=(0,E.useState)(`4`),[c,l]=d(O),f=s(c.error,[`reason`,`hours`]);return(0,j.jsxs)(u,{onSubmit:()=>l({input:{organizationId:e,reason:n,hours:Number(i)}}).then(e=>e.data&&t()),error:f.form,label:`Grant support access`,children:[(0,j.jsx)(h,{label:`Why`,value:n,onChange:e=>r(e.target.value),options:C(x),error:f.fields.reason}),(0,j.jsx)(_,{label:`For how many hours`,name:`hours`,type:`number`,min:1,max:24,inputMode:`numeric`,value:i,onChange:e=>o(e.target.value),error:f.fields.hours,hint:`1 to 24.`}),(0,j.jsx)(a,{type:`submit`,loading:c.fetching,children:`Grant access`}),c.data&&(0,j.jsx)(m,{tone:`success`,children:`Staff may act here until the grant ends.`})]})}export{M as SupportPage};