import{parseArgs as a}from"node:util";function i(){let e=process.env.SUPPORT_KIT_NOW;if(!e)return new Date;let t=new Date(e);return Number.isNaN(t.getTime())?{invalid:`SUPPORT_KIT_NOW must be an ISO date-time, not "${e}"`}:t}var o=class extends Error{constructor(r,n){super(r);this.help=n}help},d={ok:0,findings:1,usage:2},l={out:e=>process.stdout.write(e.endsWith(`
`)?e:`${e}
`),err:e=>process.stderr.write(e.endsWith(`
`)?e:`${e}
`)};function u(e,t,r,n=!1){try{return a({args:e,options:{...t,help:{type:"boolean",short:"h"}},allowPositionals:n,strict:!0})}catch(s){throw new o(s.message,r)}}function f(e,t,r){let[n]=e;if(e.length===1&&t.includes(n??""))return n;let s=t.length===1?`"${t[0]}"`:`one of ${t.join(", ")}`;throw new o(`expected ${s}${e.length?`, not "${e.join(" ")}"`:""}`,r)}function h(e){let t=i();if("invalid"in t)throw new o(t.invalid,e);return t}export{o as a,d as b,l as c,u as d,f as e,h as f};
