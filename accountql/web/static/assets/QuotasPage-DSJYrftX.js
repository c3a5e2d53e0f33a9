import{l as e}from"./chunk-Z7SQORRT-BauV6LAx.js";import{d as t,g as n,i as r,t as i}from"./gql-Q-gyanWw.js";import{x as a}from"./console-D_dQaA7j.js";import{t as o}from"./OrganizationGate-DECM-GR6.js";import{a as s}from"./client-Cr3p7Tk6.js";var c=i(`
  query Quotas($id: ID!) {
    organization(id: $id) {
      id
      name
      mfaEnforced
      mfaGraceUntil
      quotas {
        product
        resource
        limit
        used
      }
    }
  }
`),l=s();function u(){let{orgId:i=``}=e(),[s]=n({query:c,variables:{id:i},requestPolicy:`cache-and-network`});return(0,l.jsx)(o,{title:`Quotas`,result:s,children:e=>(0,l.jsx)(r,{title:`Quotas of ${e.name}`,intro:`How much of each product the organization may use, and uses now. Staff raise limits on request.`,children:e.quotas?e.quotas.length===0?(0,l.jsx)(`p`,{children:`No quota is set.`}):(0,l.jsx)(`div`,{className:`table-wrap`,children:(0,l.jsxs)(`table`,{children:[(0,l.jsx)(`caption`,{className:`visually-hidden`,children:`Quotas`}),(0,l.jsx)(`thead`,{children:(0,l.jsxs)(`tr`,{children:[(0,l.jsx)(`th`,{scope:`col`,children:`Product`}),(0,l.jsx)(`th`,{scope:`col`,children:`Resource`}),(0,l.jsx)(`th`,{scope:`col`,children:`Used`}),(0,l.jsx)(`th`,{scope:`col`,children:`Limit`})]})}),(0,l.jsx)(`tbody`,{children:e.quotas.map(e=>(0,l.jsxs)(`tr`,{children:[(0,l.jsx)(`td`,{children:e.product}),(0,l.jsx)(`td`,{children:e.resource}),(0,l.jsxs)(`td`,{children:[(0,l.jsx)(`meter`,{min:0,max:e.limit,value:e.used,"aria-label":`${e.product} ${e.resource}: ${e.used} of ${e.limit}`}),` `,e.used]}),(0,l.jsx)(`td`,{children:e.limit})]},`${e.product}/${e.resource}`))})]})}):(0,l.jsx)(a,{message:t(s.error)??`The quotas could not be loaded.`})})})}export{u as QuotasPage};