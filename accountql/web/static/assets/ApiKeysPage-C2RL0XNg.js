import{r as e}from"./rolldown-runtime-XKyaHtl9.js";import{a as t,i as n}from"./client-Cr3p7Tk6.js";import{l as r}from"./chunk-Z7SQORRT-BauV6LAx.js";import{a as i,c as a,d as o,f as s,g as c,i as l,o as u,r as d,s as f,t as p}from"./gql-S9mNE-Oe.js";import{t as m}from"./fragment-masking-DSZC2_uz.js";import{t as h}from"./ConfirmButton-D1UPyhbI.js";import{t as g}from"./CopyButton-Dl--GZ_7.js";import{_,f as v,h as y,m as b,o as x}from"./console-B6dIkyNv.js";import{n as S,t as C}from"./paging-DAndTpTm.js";import{n as w,u as T}from"./labels-SXoNuJSA.js";import{t as E}from"./OrganizationGate-UrYirN68.js";var D=e(n(),1),O=p(`
  fragment ApiKeyItem on ApiKey {
    id
    name
    access
    prefix
    createdAt
    lastUsedAt
    expiresAt
    revokedAt
  }
`),k=p(`
  query ApiKeys($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    organization(id: $id) {
      id
      name
      mfaEnforced
      mfaGraceUntil
      mfaLevel
      apiKeys(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo {
          ...PageInfoFields
        }
        edges {
          cursor
          node {
            id
            ...ApiKeyItem
          }
        }
      }
    }
  }
`),A=p(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey {
        id
        name
        prefix
      }
    }
  }
`),j=p(`
  mutation RevokeApiKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      id
      revokedAt
    }
  }
`),M=t();function N(){let{orgId:e=``}=r(),t=C(),[n,a]=c({query:k,variables:{id:e,...t.variables}}),s=()=>a({requestPolicy:`network-only`});return(0,M.jsx)(E,{title:`API keys`,result:n,children:e=>(0,M.jsxs)(l,{title:`API keys of ${e.name}`,intro:`A key acts for the organization, not for you. No key manages members, roles, MFA enforcement or other keys.`,children:[(0,M.jsx)(P,{organizationId:e.id,onCreated:s}),(0,M.jsx)(i,{title:`Keys`,children:e.apiKeys?e.apiKeys.edges.length===0?(0,M.jsx)(`p`,{children:`No key yet.`}):(0,M.jsxs)(M.Fragment,{children:[(0,M.jsx)(`ul`,{className:`item-list`,"aria-label":`API keys`,children:e.apiKeys.edges.map(({node:e})=>(0,M.jsx)(F,{apiKey:e,onRevoked:s},e.id))}),(0,M.jsx)(S,{label:`Pages of API keys`,pageInfo:e.apiKeys.pageInfo,totalCount:e.apiKeys.totalCount,paging:t,fetching:n.fetching})]}):(0,M.jsx)(y,{message:o(n.error)??`The keys could not be loaded.`})})]})})}function P({organizationId:e,onCreated:t}){let[n,r]=(0,D.useState)(``),[o,c]=(0,D.useState)(`READ_ONLY`),[l,f]=(0,D.useState)(``),[p,m,h]=d(A),y=s(p.error,[`name`,`access`,`expiresAt`]),x=p.data?.createApiKey;return(0,M.jsx)(i,{title:`New key`,children:x?(0,M.jsxs)(`div`,{className:`secret-box`,children:[(0,M.jsxs)(_,{tone:`warning`,children:[`The secret of `,(0,M.jsx)(`strong`,{children:x.apiKey.name}),` is shown this once: copy it now. Only a hash is kept.`]}),(0,M.jsx)(`p`,{children:(0,M.jsx)(`code`,{className:`secret`,"data-testid":`api-key-secret`,children:x.secret})}),(0,M.jsxs)(`div`,{className:`actions`,children:[(0,M.jsx)(g,{text:x.secret,label:`Copy the secret`}),(0,M.jsx)(a,{variant:`secondary`,onClick:h,children:`Done`})]})]}):(0,M.jsxs)(u,{onSubmit:async()=>{let i=l?new Date(`${l}T23:59:59`).toISOString():null;(await m({input:{organizationId:e,name:n.trim(),access:o,expiresAt:i}})).data&&(r(``),f(``),t())},error:y.form,label:`New API key`,children:[(0,M.jsx)(b,{label:`Key name`,name:`name`,value:n,onChange:e=>r(e.target.value),error:y.fields.name,hint:`What the key is for, e.g. ci.`,required:!0}),(0,M.jsx)(v,{label:`Access`,value:o,onChange:e=>c(e.target.value),options:T(w),error:y.fields.access}),(0,M.jsx)(b,{label:`Expires on (optional)`,name:`expiresAt`,type:`date`,value:l,onChange:e=>f(e.target.value),error:y.fields.expiresAt,hint:`Leave empty for a key that does not expire.`}),(0,M.jsx)(a,{type:`submit`,loading:p.fetching,children:`Create the key`})]})})}function F({apiKey:e,onRevoked:t}){let n=m(O,e),[r,i]=d(j);return(0,M.jsxs)(`li`,{children:[(0,M.jsxs)(`span`,{children:[(0,M.jsx)(`strong`,{children:n.name}),` `,(0,M.jsxs)(`code`,{children:[n.prefix,`…`]}),` · `,w[n.access],(0,M.jsx)(`br`,{}),(0,M.jsxs)(`span`,{className:`muted`,children:[`Created `,(0,M.jsx)(x,{value:n.createdAt}),` · last used `,(0,M.jsx)(x,{value:n.lastUsedAt}),n.expiresAt&&(0,M.jsxs)(M.Fragment,{children:[` `,`· expires `,(0,M.jsx)(x,{value:n.expiresAt})]})]})]}),n.revokedAt?(0,M.jsxs)(`span`,{className:`badge`,children:[`Revoked `,(0,M.jsx)(x,{value:n.revokedAt})]}):(0,M.jsxs)(`span`,{children:[(0,M.jsx)(h,{label:`Revoke ${n.name}`,title:`Revoke ${n.name}?`,question:`Every request with it fails from now on.`,confirmLabel:`Revoke`,loading:r.fetching,onConfirm:()=>i({input:{id:n.id}}).then(e=>e.data&&t())}),(0,M.jsx)(f,{message:s(r.error).form})]})]})}export{N as ApiKeysPage};