import{a as e,c as t,d as n,f as r,g as i,i as a,r as o,s,t as c}from"./gql-S9mNE-Oe.js";import{g as l,h as u,o as d}from"./console-B6dIkyNv.js";import{t as f}from"./fragment-masking-DSZC2_uz.js";import{n as p,t as m}from"./paging-DAndTpTm.js";import{t as h}from"./TableScroll-DMUxWx-S.js";import{p as g,s as _}from"./labels-SXoNuJSA.js";import{a as v}from"./client-Cr3p7Tk6.js";var y=c(`
  fragment SessionItem on Session {
    id
    createdAt
    expiresAt
    lastSeenAt
    ipAddress
    userAgent
    current
    support
  }
`),b=c(`
  query Sessions($first: Int, $after: String, $last: Int, $before: String) {
    me {
      id
      sessions(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo {
          ...PageInfoFields
        }
        edges {
          cursor
          node {
            id
            ...SessionItem
          }
        }
      }
    }
  }
`),x=c(`
  query LoginAttempts($first: Int, $after: String, $last: Int, $before: String) {
    me {
      id
      loginAttempts(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo {
          ...PageInfoFields
        }
        edges {
          cursor
          node {
            at
            ipAddress
            userAgent
            succeeded
            method
            secondFactor
          }
        }
      }
    }
  }
`),S=c(`
  mutation RevokeSession($input: RevokeSessionInput!) {
    revokeSession(input: $input)
  }
`),C=v();function w(){return(0,C.jsxs)(a,{title:`Sessions and logins`,children:[(0,C.jsx)(T,{}),(0,C.jsx)(D,{})]})}function T(){let t=m(),[r,a]=i({query:b,variables:t.variables,requestPolicy:`cache-and-network`}),o=r.data?.me.sessions;return(0,C.jsx)(e,{title:`Active sessions`,description:`Each browser or device signed in to your account; a session lasts one hour. Revoke one you do not recognise.`,children:o?(0,C.jsxs)(C.Fragment,{children:[(0,C.jsx)(`ul`,{className:`item-list`,"aria-label":`Active sessions`,children:o.edges.map(({node:e})=>(0,C.jsx)(E,{session:e,onRevoked:()=>a({requestPolicy:`network-only`})},e.id))}),(0,C.jsx)(p,{label:`Pages of sessions`,pageInfo:o.pageInfo,totalCount:o.totalCount,paging:t,fetching:r.fetching})]}):r.error?(0,C.jsx)(u,{message:n(r.error)??``}):(0,C.jsx)(l,{})})}function E({session:e,onRevoked:n}){let i=f(y,e),[a,c]=o(S),l=`${i.userAgent??`Unknown browser`} from ${i.ipAddress??`an unknown address`}`;return(0,C.jsxs)(`li`,{className:i.current?`highlight`:void 0,children:[(0,C.jsxs)(`span`,{children:[i.current&&(0,C.jsx)(`strong`,{className:`badge`,children:`This session`}),i.support&&(0,C.jsx)(`strong`,{className:`badge`,children:`Support staff`}),` `,l,(0,C.jsx)(`br`,{}),(0,C.jsxs)(`span`,{className:`muted`,children:[`Signed in `,(0,C.jsx)(d,{value:i.createdAt}),` · last seen `,(0,C.jsx)(d,{value:i.lastSeenAt}),` · ends `,(0,C.jsx)(d,{value:i.expiresAt})]})]}),!i.current&&(0,C.jsxs)(`span`,{children:[(0,C.jsxs)(t,{variant:`danger`,loading:a.fetching,onClick:()=>void c({input:{id:i.id}}).then(e=>e.data?.revokeSession&&n()),children:[`Revoke`,(0,C.jsxs)(`span`,{className:`visually-hidden`,children:[` the session of `,l]})]}),(0,C.jsx)(s,{message:r(a.error).form})]})]})}function D(){let t=m(),[r]=i({query:x,variables:t.variables,requestPolicy:`cache-and-network`}),a=r.data?.me.loginAttempts;return(0,C.jsx)(e,{title:`Login history`,description:`Every login attempt on your account, newest first.`,children:a?(0,C.jsxs)(C.Fragment,{children:[(0,C.jsx)(h,{label:`Login attempts, newest first`,children:(0,C.jsxs)(`table`,{children:[(0,C.jsx)(`caption`,{className:`visually-hidden`,children:`Login attempts, newest first`}),(0,C.jsx)(`thead`,{children:(0,C.jsxs)(`tr`,{children:[(0,C.jsx)(`th`,{scope:`col`,children:`When`}),(0,C.jsx)(`th`,{scope:`col`,children:`Result`}),(0,C.jsx)(`th`,{scope:`col`,children:`How`}),(0,C.jsx)(`th`,{scope:`col`,children:`From`})]})}),(0,C.jsx)(`tbody`,{children:a.edges.map(({node:e,cursor:t})=>(0,C.jsxs)(`tr`,{children:[(0,C.jsx)(`td`,{children:(0,C.jsx)(d,{value:e.at})}),(0,C.jsx)(`td`,{children:e.succeeded?`Signed in`:(0,C.jsx)(`strong`,{children:`Failed`})}),(0,C.jsxs)(`td`,{children:[_[e.method],e.secondFactor&&` + ${g[e.secondFactor]}`]}),(0,C.jsxs)(`td`,{children:[e.ipAddress??`—`,(0,C.jsx)(`br`,{}),(0,C.jsx)(`span`,{className:`muted small`,children:e.userAgent})]})]},t))})]})}),(0,C.jsx)(p,{label:`Pages of login history`,pageInfo:a.pageInfo,totalCount:a.totalCount,paging:t,fetching:r.fetching})]}):r.error?(0,C.jsx)(u,{message:n(r.error)??``}):(0,C.jsx)(l,{})})}export{w as SessionsPage};