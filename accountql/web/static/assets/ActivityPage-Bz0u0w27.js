import{r as e}from"./rolldown-runtime-XKyaHtl9.js";import{l as t}from"./chunk-Z7SQORRT-BauV6LAx.js";import{d as n,g as r,i,t as a}from"./gql-S9mNE-Oe.js";import{g as o,h as s,o as c}from"./console-B6dIkyNv.js";import{t as l}from"./fragment-masking-DSZC2_uz.js";import{n as u,t as d}from"./paging-DAndTpTm.js";import{t as f}from"./OrganizationGate-UrYirN68.js";import{a as p,i as m}from"./client-Cr3p7Tk6.js";import{t as h}from"./TableScroll-DMUxWx-S.js";import{a as g}from"./labels-SXoNuJSA.js";var _=a(`
  fragment AuditEventItem on AuditEvent {
    id
    kind
    at
    ipAddress
    userAgent
    details
    actorApiKeyPrefix
    support
    actor {
      id
      email
    }
    subject {
      id
      email
    }
  }
`),v=a(`
  query MyAuditEvents($first: Int, $after: String, $last: Int, $before: String) {
    me {
      id
      auditEvents(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo {
          ...PageInfoFields
        }
        edges {
          cursor
          node {
            id
            ...AuditEventItem
          }
        }
      }
    }
  }
`),y=a(`
  query OrganizationAuditEvents($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    organization(id: $id) {
      id
      name
      mfaEnforced
      mfaGraceUntil
      mfaLevel
      auditEvents(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo {
          ...PageInfoFields
        }
        edges {
          cursor
          node {
            id
            ...AuditEventItem
          }
        }
      }
    }
  }
`),b=e(m(),1),x=p();function S(e){return!e||typeof e!=`object`?``:Object.entries(e).map(([e,t])=>`${g(e.replace(/([a-z])([A-Z])/g,`$1_$2`))}: ${typeof t==`string`?t:JSON.stringify(t)}`).join(` · `)}function C({events:e,caption:t}){return e.length===0?(0,x.jsx)(`p`,{children:`Nothing recorded yet.`}):(0,x.jsx)(h,{label:t,children:(0,x.jsxs)(`table`,{children:[(0,x.jsx)(`caption`,{className:`visually-hidden`,children:t}),(0,x.jsx)(`thead`,{children:(0,x.jsxs)(`tr`,{children:[(0,x.jsx)(`th`,{scope:`col`,children:`What`}),(0,x.jsx)(`th`,{scope:`col`,children:`When`}),(0,x.jsx)(`th`,{scope:`col`,children:`Who`}),(0,x.jsx)(`th`,{scope:`col`,children:`From`})]})}),(0,x.jsx)(`tbody`,{children:e.map((e,t)=>{let n=l(_,e),r=S(n.details);return(0,x.jsx)(b.Fragment,{children:(0,x.jsxs)(`tr`,{children:[(0,x.jsxs)(`td`,{children:[g(n.kind),n.support&&(0,x.jsx)(`span`,{className:`badge`,children:`Support`}),r&&(0,x.jsxs)(x.Fragment,{children:[(0,x.jsx)(`br`,{}),(0,x.jsx)(`span`,{className:`muted small`,children:r})]})]}),(0,x.jsx)(`td`,{children:(0,x.jsx)(c,{value:n.at})}),(0,x.jsxs)(`td`,{children:[n.actor?.email??(n.actorApiKeyPrefix?`API key ${n.actorApiKeyPrefix}…`:`—`),n.subject&&n.subject.id!==n.actor?.id&&(0,x.jsxs)(x.Fragment,{children:[(0,x.jsx)(`br`,{}),(0,x.jsxs)(`span`,{className:`muted small`,children:[`about `,n.subject.email]})]})]}),(0,x.jsx)(`td`,{children:n.ipAddress??`—`})]})},n.id??t)})})]})})}function w(){let e=d(20),[t]=r({query:v,variables:e.variables,requestPolicy:`cache-and-network`}),a=t.data?.me.auditEvents;return(0,x.jsx)(i,{title:`Activity`,intro:`Security events by you or about your account, newest first.`,children:a?(0,x.jsxs)(x.Fragment,{children:[(0,x.jsx)(C,{events:a.edges.map(e=>e.node),caption:`Your security events, newest first`}),(0,x.jsx)(u,{label:`Pages of activity`,pageInfo:a.pageInfo,totalCount:a.totalCount,paging:e,fetching:t.fetching})]}):t.error?(0,x.jsx)(s,{message:n(t.error)??``}):(0,x.jsx)(o,{})})}function T(){let{orgId:e=``}=t(),a=d(20),[o]=r({query:y,variables:{id:e,...a.variables},requestPolicy:`cache-and-network`});return(0,x.jsx)(f,{title:`Audit log`,result:o,children:e=>(0,x.jsx)(i,{title:`Audit log of ${e.name}`,intro:`Security events in this organization, newest first.`,children:e.auditEvents?(0,x.jsxs)(x.Fragment,{children:[(0,x.jsx)(C,{events:e.auditEvents.edges.map(e=>e.node),caption:`Audit events, newest first`}),(0,x.jsx)(u,{label:`Pages of the audit log`,pageInfo:e.auditEvents.pageInfo,totalCount:e.auditEvents.totalCount,paging:a,fetching:o.fetching})]}):(0,x.jsx)(s,{message:n(o.error)??`The audit log could not be loaded.`})})})}export{w as ActivityPage,T as OrganizationAuditLogPage};