function p(n){return n.replace(/@(?=[A-Za-z0-9])/g,"@⁠")}function u(n){let e=n.replace(/\r?\n|\r/g," ").replace(/&/g,"&amp;").replace(/[\\`*_{}[\]()<>!|~]/g,t=>`\\${t}`).replace(/#(?=\d)/g,"#⁠").replace(/\b(GH-)(?=\d)/gi,"$1⁠").replace(/:\/\//g,"⁠://").replace(/\b(www)\./gi,"$1⁠.");return p(e)}function _(n){return u(n).trim()||" "}function m(n){return n.replace(/\r?\n|\r/g," ").replace(/\|/g,"\\|").trim()||" "}function d(n,e){let t=r=>`| ${r.join(" | ")} |`;return[t(n),t(n.map(()=>"---")),...e.map(t)].join(`
`)}var I=65536;function f(n,e=I){if(n.length<=e)return n;let t=n.split(`
`),r=o=>o?.startsWith("<!-- support-kit:")===!0,a=r(t[0])?[t.shift()??""]:[],i=[];for(;t.length>0&&r(t.at(-1));)i.unshift(t.pop()??"");let s=t.join(`
`),g=o=>`

… and ${o.toLocaleString("en-US")} more characters`,c=e-[...a,...i].join(`
`).length-2-g(s.length).length,l=s.slice(0,Math.max(0,c));return[...a,`${l}${g(s.length-l.length)}`,...i].join(`
`)}export{p as a,u as b,_ as c,m as d,d as e,I as f,f as g};
