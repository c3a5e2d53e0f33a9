import{r as e}from"./rolldown-runtime-XKyaHtl9.js";import{a as t,i as n}from"./client-Cr3p7Tk6.js";import{c as r,t as i}from"./gql-S9mNE-Oe.js";import{t as a}from"./fragment-masking-DSZC2_uz.js";var o=i(`
  fragment PageInfoFields on PageInfo {
    hasNextPage
    hasPreviousPage
    startCursor
    endCursor
  }
`),s=t();function c({label:e,pageInfo:t,totalCount:n,paging:i,fetching:c}){let l=a(o,t),u=i.page>1,d=i.variables.before?!0:l.hasNextPage;return!u&&!d?null:(0,s.jsxs)(`nav`,{className:`pager`,"aria-label":e,children:[(0,s.jsx)(r,{variant:`secondary`,disabled:!u||c,onClick:()=>i.previous(l.startCursor),children:`Previous page`}),(0,s.jsxs)(`span`,{children:[`Page `,i.page,` · `,n,` in all`]}),(0,s.jsx)(r,{variant:`secondary`,disabled:!d||c,onClick:()=>i.next(l.endCursor),children:`Next page`})]})}var l=e(n(),1);function u(e=10){let[t,n]=(0,l.useState)({variables:{first:e},page:1}),r=(0,l.useCallback)(t=>n(n=>({variables:{first:e,after:t??null},page:n.page+1})),[e]),i=(0,l.useCallback)(t=>n(n=>n.page<=2?{variables:{first:e},page:1}:{variables:{last:e,before:t??null},page:n.page-1}),[e]),a=(0,l.useCallback)(()=>n({variables:{first:e},page:1}),[e]);return{variables:t.variables,page:t.page,next:r,previous:i,reset:a}}export{c as n,u as t};