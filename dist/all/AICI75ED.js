import{f as t}from"./GKTPRUDB.js";async function n(o,s,r={}){try{return await o.gateway.getIssue(s,r)}catch(e){if(e instanceof t)return e.message;throw e}}export{n as a};
