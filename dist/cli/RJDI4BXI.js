function p(n){return n.replace(/@(?=[A-Za-z0-9])/g,"@⁠")}function u(n){let e=n.replace(/\r?\n|\r/g," ").replace(/&/g,"&amp;").replace(/[\\`*_{}[\]()<>!|~]/g,t=>`\\${t}`).replace(/#(?=\d)/g,"#⁠").replace(/\b(GH-)(?=\d)/gi,"$1⁠").replace(/:\/\//g,"⁠://").replace(/\b(www)\./gi,"$1⁠.");return p(e)}function $(n){return u(n).trim()||" "}function h(n,e){let t=`${e?n.repo:""}#⁠${n.number}`,r=URL.canParse(n.url)?new URL(n.url):null;return r&&r.hostname==="github.com"?`[${t}](https://redirect.github.com${r.pathname})`:`\`${n.repo}#${n.number}\``}function R(n){return n.replace(/\r?\n|\r/g," ").replace(/\|/g,"\\|").trim()||" "}function O(n,e){let t=r=>`| ${r.join(" | ")} |`;return[t(n),t(n.map(()=>"---")),...e.map(t)].join(`
`)}var m=65536;function d(n,e=m){if(n.length<=e)return n;let t=n.split(`
`),r=s=>s?.startsWith("<!-- support-kit:")===!0,a=r(t[0])?[t.shift()??""]:[],i=[];for(;t.length>0&&r(t.at(-1));)i.unshift(t.pop()??"");let o=t.join(`
`),l=s=>`

… and ${s.toLocaleString("en-US")} more characters`,g=e-[...a,...i].join(`
`).length-2-l(o.length).length,c=o.slice(0,Math.max(0,g));return[...a,`${c}${l(o.length-c.length)}`,...i].join(`
`)}export{p as a,u as b,$ as c,h as d,R as e,O as f,m as g,d as h};
