import{r as e}from"./rolldown-runtime-XKyaHtl9.js";import{a as t,i as n}from"./client-Cr3p7Tk6.js";import{a as r,c as i,d as a,f as o,g as s,i as c,o as l,r as u,s as d,t as f}from"./gql-S9mNE-Oe.js";import{t as p}from"./ConfirmButton-D1UPyhbI.js";import{_ as m,g as h,h as g,m as _,o as v,p as y}from"./console-B6dIkyNv.js";import{n as b,t as x}from"./paging-DAndTpTm.js";var S=e(n(),1),C=f(`
  query SshKeys($first: Int, $after: String, $last: Int, $before: String) {
    me {
      id
      sshKeys(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo {
          ...PageInfoFields
        }
        edges {
          cursor
          node {
            id
            name
            keyType
            bits
            fingerprint
            createdAt
          }
        }
      }
    }
  }
`),w=f(`
  mutation AddSshKey($input: AddSshKeyInput!) {
    addSshKey(input: $input) {
      id
      fingerprint
    }
  }
`),T=f(`
  mutation DeleteSshKey($input: DeleteSshKeyInput!) {
    deleteSshKey(input: $input)
  }
`),E=t();function D(){let e=x(),[t,n]=s({query:C,variables:e.variables,requestPolicy:`cache-and-network`}),f=()=>n({requestPolicy:`network-only`}),D=t.data?.me.sshKeys,[O,k]=(0,S.useState)(``),[A,j]=(0,S.useState)(``),[M,N]=u(w),[P,F]=u(T),I=o(M.error,[`name`,`publicKey`]);return(0,E.jsxs)(c,{title:`SSH keys`,intro:`Your public keys; your organizations provision machines with them.`,children:[(0,E.jsx)(r,{title:`Add a key`,children:(0,E.jsxs)(l,{onSubmit:async()=>{(await N({input:{name:O.trim(),publicKey:A.trim()}})).data&&(k(``),j(``),f())},error:I.form,label:`Add an SSH key`,children:[(0,E.jsx)(_,{label:`Key name`,name:`name`,value:O,onChange:e=>k(e.target.value),error:I.fields.name,hint:`What the key is for, e.g. a laptop's name.`,required:!0}),(0,E.jsx)(y,{label:`Public key`,name:`publicKey`,rows:3,value:A,onChange:e=>j(e.target.value),error:I.fields.publicKey,hint:`One line of your .pub file: ed25519, ECDSA, or RSA of 2048 bits or more.`,required:!0}),(0,E.jsx)(i,{type:`submit`,loading:M.fetching,children:`Add the key`}),M.data&&(0,E.jsxs)(m,{tone:`success`,children:[`Added: `,M.data.addSshKey.fingerprint]})]})}),(0,E.jsxs)(r,{title:`Your keys`,children:[(0,E.jsx)(d,{message:o(P.error).form}),D?D.edges.length===0?(0,E.jsx)(`p`,{children:`No key yet.`}):(0,E.jsxs)(E.Fragment,{children:[(0,E.jsx)(`ul`,{className:`item-list`,"aria-label":`SSH keys`,children:D.edges.map(({node:e})=>(0,E.jsxs)(`li`,{children:[(0,E.jsxs)(`span`,{children:[(0,E.jsx)(`strong`,{children:e.name}),` · `,e.keyType,` `,e.bits,` bits`,(0,E.jsx)(`br`,{}),(0,E.jsx)(`code`,{className:`small`,children:e.fingerprint}),` · added `,(0,E.jsx)(v,{value:e.createdAt})]}),(0,E.jsx)(p,{label:`Delete ${e.name}`,title:`Delete ${e.name}?`,question:`Machines provisioned from now on will not accept it.`,confirmLabel:`Delete`,loading:P.fetching,onConfirm:()=>F({input:{id:e.id}}).then(e=>e.data&&f())})]},e.id))}),(0,E.jsx)(b,{label:`Pages of SSH keys`,pageInfo:D.pageInfo,totalCount:D.totalCount,paging:e,fetching:t.fetching})]}):t.error?(0,E.jsx)(g,{message:a(t.error)??``}):(0,E.jsx)(h,{})]})]})}export{D as SshKeysPage};