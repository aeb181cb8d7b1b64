function p(n){return n.replace(/@(?=[A-Za-z0-9])/g,"@⁠")}function u(n){let e=n.replace(/\r?\n|\r/g," ").replace(/&/g,"&amp;").replace(/[\\`*_{}[\]()<>!|~]/g,t=>`\\${t}`).replace(/#(?=\d)/g,"#⁠").replace(/\b(GH-)(?=\d)/gi,"$1⁠").replace(/:\/\//g,"://⁠").replace(/\b(www)\./gi,"$1⁠.");return p(e)}function _(n){return u(n).trim()||" "}function h(n){return n.replace(/\r?\n|\r/g," ").replace(/\|/g,"\\|").trim()||" "}function O(n,e){let t=r=>`| ${r.join(" | ")} |`;return[t(n),t(n.map(()=>"---")),...e.map(t)].join(`
`)}var I=65536;function E(n,e=I){if(n.length<=e)return n;let t=n.split(`
`),r=s=>s?.startsWith("<!-- support-kit:")===!0,c=r(t[0])?[t.shift()??""]:[],i=[];for(;t.length>0&&r(t.at(-1));)i.unshift(t.pop()??"");let o=t.join(`
`),g=s=>`

… and ${s.toLocaleString("en-US")} more characters`,a=e-[...c,...i].join(`
`).length-2-g(o.length).length,l=o.slice(0,Math.max(0,a));return[...c,`${l}${g(o.length-l.length)}`,...i].join(`
`)}export{p as a,u as b,_ as c,h as d,O as e,I as f,E as g};
