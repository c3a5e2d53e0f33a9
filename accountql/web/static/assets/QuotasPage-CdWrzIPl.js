import{l as e}from"./chunk-Z7SQORRT-BauV6LAx.js";import{d as t,g as n,i as r,t as i}from"./gql-S9mNE-Oe.js";import{h as a}from"./console-B6dIkyNv.js";import{t as o}from"./TableScroll-DMUxWx-S.js";import{t as s}from"./OrganizationGate-UrYirN68.js";import{a as c}from"./client-Cr3p7Tk6.js";var l=i(`
  query Quotas($id: ID!) {
    organization(id: $id) {
      id
      name
      mfaEnforced
      mfaGraceUntil
      mfaLevel
      quotas {
        product
        resource
        limit
        used
      }
    }
  }
`),u=c();function d(){let{orgId:i=``}=e(),[c]=n({query:l,variables:{id:i},requestPolicy:`cache-and-network`});return(0,u.jsx)(s,{title:`Quotas`,result:c,children:e=>(0,u.jsx)(r,{title:`Quotas of ${e.name}`,intro:`How much of each product the organization may use, and uses now. Staff raise limits on request.`,children:e.quotas?e.quotas.length===0?(0,u.jsx)(`p`,{children:`No quota is set.`}):(0,u.jsx)(o,{label:`Quotas`,children:(0,u.jsxs)(`table`,{children:[(0,u.jsx)(`caption`,{className:`visually-hidden`,children:`Quotas`}),(0,u.jsx)(`thead`,{children:(0,u.jsxs)(`tr`,{children:[(0,u.jsx)(`th`,{scope:`col`,children:`Product`}),(0,u.jsx)(`th`,{scope:`col`,children:`Resource`}),(0,u.jsx)(`th`,{scope:`col`,children:`Used`}),(0,u.jsx)(`th`,{scope:`col`,children:`Limit`})]})}),(0,u.jsx)(`tbody`,{children:e.quotas.map(e=>(0,u.jsxs)(`tr`,{children:[(0,u.jsx)(`td`,{children:e.product}),(0,u.jsx)(`td`,{children:e.resource}),(0,u.jsxs)(`td`,{children:[(0,u.jsx)(`meter`,{min:0,max:e.limit,value:e.used,"aria-label":`${e.product} ${e.resource}: ${e.used} of ${e.limit}`}),` `,e.used]}),(0,u.jsx)(`td`,{children:e.limit})]},`${e.product}/${e.resource}`))})]})}):(0,u.jsx)(a,{message:t(c.error)??`The quotas could not be loaded.`})})})}export{d as QuotasPage};