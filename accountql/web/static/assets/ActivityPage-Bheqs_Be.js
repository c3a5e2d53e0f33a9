import{r as e}from"./rolldown-runtime-XKyaHtl9.js";import{l as t}from"./chunk-Z7SQORRT-BauV6LAx.js";import{d as n,g as r,i,t as a}from"./gql-Q-gyanWw.js";import{S as o,a as s,x as c}from"./console-D_dQaA7j.js";import{n as l,r as u,t as d}from"./paging-DE1REHqh.js";import{t as f}from"./OrganizationGate-DECM-GR6.js";import{a as p,i as m}from"./client-Cr3p7Tk6.js";import{a as h}from"./labels-BPluEw3e.js";var g=a(`
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
`),_=a(`
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
`),v=a(`
  query OrganizationAuditEvents($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    organization(id: $id) {
      id
      name
      mfaEnforced
      mfaGraceUntil
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
`),y=e(m(),1),b=p();function x(e){return!e||typeof e!=`object`?``:Object.entries(e).map(([e,t])=>`${h(e.replace(/([a-z])([A-Z])/g,`$1_$2`))}: ${typeof t==`string`?t:JSON.stringify(t)}`).join(` · `)}function S({events:e,caption:t}){return e.length===0?(0,b.jsx)(`p`,{children:`Nothing recorded yet.`}):(0,b.jsx)(`div`,{className:`table-wrap`,children:(0,b.jsxs)(`table`,{children:[(0,b.jsx)(`caption`,{className:`visually-hidden`,children:t}),(0,b.jsx)(`thead`,{children:(0,b.jsxs)(`tr`,{children:[(0,b.jsx)(`th`,{scope:`col`,children:`What`}),(0,b.jsx)(`th`,{scope:`col`,children:`When`}),(0,b.jsx)(`th`,{scope:`col`,children:`Who`}),(0,b.jsx)(`th`,{scope:`col`,children:`From`})]})}),(0,b.jsx)(`tbody`,{children:e.map((e,t)=>{let n=u(g,e),r=x(n.details);return(0,b.jsx)(y.Fragment,{children:(0,b.jsxs)(`tr`,{children:[(0,b.jsxs)(`td`,{children:[h(n.kind),n.support&&(0,b.jsx)(`span`,{className:`badge`,children:`Support`}),r&&(0,b.jsxs)(b.Fragment,{children:[(0,b.jsx)(`br`,{}),(0,b.jsx)(`span`,{className:`muted small`,children:r})]})]}),(0,b.jsx)(`td`,{children:(0,b.jsx)(s,{value:n.at})}),(0,b.jsxs)(`td`,{children:[n.actor?.email??(n.actorApiKeyPrefix?`API key ${n.actorApiKeyPrefix}…`:`—`),n.subject&&n.subject.id!==n.actor?.id&&(0,b.jsxs)(b.Fragment,{children:[(0,b.jsx)(`br`,{}),(0,b.jsxs)(`span`,{className:`muted small`,children:[`about `,n.subject.email]})]})]}),(0,b.jsx)(`td`,{children:n.ipAddress??`—`})]})},n.id??t)})})]})})}function C(){let e=d(20),[t]=r({query:_,variables:e.variables,requestPolicy:`cache-and-network`}),a=t.data?.me.auditEvents;return(0,b.jsx)(i,{title:`Activity`,intro:`Security events by you or about your account, newest first.`,children:a?(0,b.jsxs)(b.Fragment,{children:[(0,b.jsx)(S,{events:a.edges.map(e=>e.node),caption:`Your security events, newest first`}),(0,b.jsx)(l,{label:`Pages of activity`,pageInfo:a.pageInfo,totalCount:a.totalCount,paging:e,fetching:t.fetching})]}):t.error?(0,b.jsx)(c,{message:n(t.error)??``}):(0,b.jsx)(o,{})})}function w(){let{orgId:e=``}=t(),a=d(20),[o]=r({query:v,variables:{id:e,...a.variables},requestPolicy:`cache-and-network`});return(0,b.jsx)(f,{title:`Audit log`,result:o,children:e=>(0,b.jsx)(i,{title:`Audit log of ${e.name}`,intro:`Security events in this organization, newest first.`,children:e.auditEvents?(0,b.jsxs)(b.Fragment,{children:[(0,b.jsx)(S,{events:e.auditEvents.edges.map(e=>e.node),caption:`Audit events, newest first`}),(0,b.jsx)(l,{label:`Pages of the audit log`,pageInfo:e.auditEvents.pageInfo,totalCount:e.auditEvents.totalCount,paging:a,fetching:o.fetching})]}):(0,b.jsx)(c,{message:n(o.error)??`The audit log could not be loaded.`})})})}export{C as ActivityPage,w as OrganizationAuditLogPage};