import{a as e,c as t,d as n,f as r,g as i,i as a,r as o,s,t as c}from"./gql-Q-gyanWw.js";import{S as l,a as u,x as d}from"./console-D_dQaA7j.js";import{n as f,r as p,t as m}from"./paging-DE1REHqh.js";import{d as h,s as g}from"./labels-BPluEw3e.js";import{a as _}from"./client-Cr3p7Tk6.js";var v=c(`
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
`),y=c(`
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
`),b=c(`
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
`),x=c(`
  mutation RevokeSession($input: RevokeSessionInput!) {
    revokeSession(input: $input)
  }
`),S=_();function C(){return(0,S.jsxs)(a,{title:`Sessions and logins`,children:[(0,S.jsx)(w,{}),(0,S.jsx)(E,{})]})}function w(){let t=m(),[r,a]=i({query:y,variables:t.variables,requestPolicy:`cache-and-network`}),o=r.data?.me.sessions;return(0,S.jsx)(e,{title:`Active sessions`,description:`Each browser or device signed in to your account; a session lasts one hour. Revoke one you do not recognise.`,children:o?(0,S.jsxs)(S.Fragment,{children:[(0,S.jsx)(`ul`,{className:`item-list`,"aria-label":`Active sessions`,children:o.edges.map(({node:e})=>(0,S.jsx)(T,{session:e,onRevoked:()=>a({requestPolicy:`network-only`})},e.id))}),(0,S.jsx)(f,{label:`Pages of sessions`,pageInfo:o.pageInfo,totalCount:o.totalCount,paging:t,fetching:r.fetching})]}):r.error?(0,S.jsx)(d,{message:n(r.error)??``}):(0,S.jsx)(l,{})})}function T({session:e,onRevoked:n}){let i=p(v,e),[a,c]=o(x),l=`${i.userAgent??`Unknown browser`} from ${i.ipAddress??`an unknown address`}`;return(0,S.jsxs)(`li`,{className:i.current?`highlight`:void 0,children:[(0,S.jsxs)(`span`,{children:[i.current&&(0,S.jsx)(`strong`,{className:`badge`,children:`This session`}),i.support&&(0,S.jsx)(`strong`,{className:`badge`,children:`Support staff`}),` `,l,(0,S.jsx)(`br`,{}),(0,S.jsxs)(`span`,{className:`muted`,children:[`Signed in `,(0,S.jsx)(u,{value:i.createdAt}),` · last seen `,(0,S.jsx)(u,{value:i.lastSeenAt}),` · ends `,(0,S.jsx)(u,{value:i.expiresAt})]})]}),!i.current&&(0,S.jsxs)(`span`,{children:[(0,S.jsxs)(t,{variant:`danger`,loading:a.fetching,onClick:()=>void c({input:{id:i.id}}).then(e=>e.data?.revokeSession&&n()),children:[`Revoke`,(0,S.jsxs)(`span`,{className:`visually-hidden`,children:[` the session of `,l]})]}),(0,S.jsx)(s,{message:r(a.error).form})]})]})}function E(){let t=m(),[r]=i({query:b,variables:t.variables,requestPolicy:`cache-and-network`}),a=r.data?.me.loginAttempts;return(0,S.jsx)(e,{title:`Login history`,description:`Every login attempt on your account, newest first.`,children:a?(0,S.jsxs)(S.Fragment,{children:[(0,S.jsx)(`div`,{className:`table-wrap`,children:(0,S.jsxs)(`table`,{children:[(0,S.jsx)(`caption`,{className:`visually-hidden`,children:`Login attempts, newest first`}),(0,S.jsx)(`thead`,{children:(0,S.jsxs)(`tr`,{children:[(0,S.jsx)(`th`,{scope:`col`,children:`When`}),(0,S.jsx)(`th`,{scope:`col`,children:`Result`}),(0,S.jsx)(`th`,{scope:`col`,children:`How`}),(0,S.jsx)(`th`,{scope:`col`,children:`From`})]})}),(0,S.jsx)(`tbody`,{children:a.edges.map(({node:e,cursor:t})=>(0,S.jsxs)(`tr`,{children:[(0,S.jsx)(`td`,{children:(0,S.jsx)(u,{value:e.at})}),(0,S.jsx)(`td`,{children:e.succeeded?`Signed in`:(0,S.jsx)(`strong`,{children:`Failed`})}),(0,S.jsxs)(`td`,{children:[g[e.method],e.secondFactor&&` + ${h[e.secondFactor]}`]}),(0,S.jsxs)(`td`,{children:[e.ipAddress??`—`,(0,S.jsx)(`br`,{}),(0,S.jsx)(`span`,{className:`muted small`,children:e.userAgent})]})]},t))})]})}),(0,S.jsx)(f,{label:`Pages of login history`,pageInfo:a.pageInfo,totalCount:a.totalCount,paging:t,fetching:r.fetching})]}):r.error?(0,S.jsx)(d,{message:n(r.error)??``}):(0,S.jsx)(l,{})})}export{C as SessionsPage};