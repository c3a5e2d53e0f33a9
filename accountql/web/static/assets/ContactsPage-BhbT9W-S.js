import{r as e}from"./rolldown-runtime-XKyaHtl9.js";import{a as t,i as n}from"./client-Cr3p7Tk6.js";import{l as r}from"./chunk-Z7SQORRT-BauV6LAx.js";import{a as i,c as a,d as o,f as s,g as c,i as l,o as u,r as d,s as f,t as p}from"./gql-S9mNE-Oe.js";import{t as m}from"./ConfirmButton-D1UPyhbI.js";import{_ as h,d as g,h as _,m as v}from"./console-B6dIkyNv.js";import{n as y,t as b}from"./paging-DAndTpTm.js";import{r as x,u as S}from"./labels-SXoNuJSA.js";import{t as C}from"./OrganizationGate-UrYirN68.js";var w=e(n(),1),T=p(`
  query Contacts($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    organization(id: $id) {
      id
      name
      mfaEnforced
      mfaGraceUntil
      mfaLevel
      contacts(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo {
          ...PageInfoFields
        }
        edges {
          cursor
          node {
            id
            email
            roles
            canLogIn
            confirmed
            createdAt
          }
        }
      }
    }
  }
`),E=p(`
  mutation AddContact($input: AddContactInput!) {
    addContact(input: $input) {
      id
      email
      roles
      confirmed
    }
  }
`),D=p(`
  mutation UpdateContact($input: UpdateContactInput!) {
    updateContact(input: $input) {
      id
      email
      roles
      confirmed
    }
  }
`),O=p(`
  mutation RemoveContact($input: RemoveContactInput!) {
    removeContact(input: $input)
  }
`),k=t(),A=S(x);function j(){let{orgId:e=``}=r(),t=b(),[n,a]=c({query:T,variables:{id:e,...t.variables}}),s=()=>a({requestPolicy:`network-only`});return(0,k.jsx)(C,{title:`Contacts`,result:n,children:e=>(0,k.jsxs)(l,{title:`Notification contacts of ${e.name}`,intro:`Who is told what. A new address is sent a link and hears nothing until it is followed.`,children:[(0,k.jsx)(M,{organizationId:e.id,onAdded:s}),(0,k.jsx)(i,{title:`Contacts`,children:e.contacts?(0,k.jsxs)(k.Fragment,{children:[(0,k.jsx)(`ul`,{className:`item-list`,"aria-label":`Contacts`,children:e.contacts.edges.map(({node:e})=>(0,k.jsx)(N,{contact:e,onChange:s},e.id))}),(0,k.jsx)(y,{label:`Pages of contacts`,pageInfo:e.contacts.pageInfo,totalCount:e.contacts.totalCount,paging:t,fetching:n.fetching})]}):(0,k.jsx)(_,{message:o(n.error)??`The contacts could not be loaded.`})})]})})}function M({organizationId:e,onAdded:t}){let[n,r]=(0,w.useState)(``),[o,c]=(0,w.useState)([`TECHNICAL`]),[l,f]=d(E),p=s(l.error,[`email`,`roles`]);return(0,k.jsx)(i,{title:`Add a contact`,children:(0,k.jsxs)(u,{onSubmit:async()=>{(await f({input:{organizationId:e,email:n.trim(),roles:o}})).data&&(r(``),t())},error:p.form,label:`Add a contact`,children:[(0,k.jsx)(v,{label:`Contact e-mail address`,name:`email`,type:`email`,value:n,onChange:e=>r(e.target.value),error:p.fields.email,required:!0}),(0,k.jsx)(g,{legend:`What it is told about`,options:A,value:o,onChange:c,error:p.fields.roles}),(0,k.jsx)(a,{type:`submit`,loading:l.fetching,children:`Add the contact`}),l.data&&(0,k.jsxs)(h,{tone:`success`,children:[`Added `,l.data.addContact.email,l.data.addContact.confirmed?`.`:`: a confirmation link was sent to it.`]})]})})}function N({contact:e,onChange:t}){let[n,r]=(0,w.useState)(!1),[i,o]=(0,w.useState)(e.email),[c,l]=(0,w.useState)(e.roles),[p,h]=d(D),[_,y]=d(O),b=s(p.error,[`email`,`roles`]);return(0,k.jsxs)(`li`,{className:`stacked`,children:[(0,k.jsxs)(`span`,{children:[(0,k.jsx)(`strong`,{children:e.email}),` · `,e.roles.map(e=>x[e].split(` `)[0]).join(`, `),` ·`,` `,e.confirmed?`confirmed`:(0,k.jsx)(`strong`,{children:`waiting for confirmation`}),e.canLogIn&&(0,k.jsx)(`span`,{className:`muted`,children:` · a member`})]}),(0,k.jsxs)(`span`,{className:`row-actions`,children:[(0,k.jsxs)(a,{variant:`secondary`,"aria-expanded":n,onClick:()=>r(e=>!e),children:[`Edit `,e.email]}),(0,k.jsx)(m,{label:`Remove ${e.email}`,title:`Remove ${e.email}?`,question:`It stops receiving notices. The last primary contact cannot be removed.`,confirmLabel:`Remove`,loading:_.fetching,onConfirm:()=>y({input:{id:e.id}}).then(e=>e.data&&t())})]}),(0,k.jsx)(f,{message:s(_.error).form}),n&&(0,k.jsxs)(u,{onSubmit:async()=>{let n={id:e.id,roles:c,...i.trim()===e.email?{}:{email:i.trim()}};(await h({input:n})).data&&(r(!1),t())},error:b.form,label:`Edit ${e.email}`,children:[(0,k.jsx)(v,{label:`E-mail address`,name:`email`,type:`email`,value:i,onChange:e=>o(e.target.value),error:b.fields.email,hint:`A new address is confirmed anew.`}),(0,k.jsx)(g,{legend:`What it is told about`,options:A,value:c,onChange:l,error:b.fields.roles}),(0,k.jsx)(a,{type:`submit`,loading:p.fetching,children:`Save`})]})]})}export{j as ContactsPage};