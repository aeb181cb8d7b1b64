const m=981,u=[981],c={6981:((s,n,o)=>{o.r(n),o.d(n,{formBody:()=>t});function t(d){return Object.entries(d).map(([e,r])=>`### ${e}

${r}
`).join(`
`)}})};export{m as id,u as ids,c as modules};
