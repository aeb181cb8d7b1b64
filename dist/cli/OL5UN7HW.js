import{parseArgs as d}from"node:util";var c=/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;function i(){let r=process.env.SUPPORT_KIT_NOW;if(!r)return new Date;let e=c.test(r)?new Date(r):new Date(Number.NaN);return Number.isNaN(e.getTime())?{invalid:`SUPPORT_KIT_NOW must be an ISO date-time, not "${r}"`}:e}var s=class extends Error{constructor(o,t){super(o);this.help=t}help},a={ok:0,findings:1,usage:2},f={out:r=>process.stdout.write(r.endsWith(`
`)?r:`${r}
`),err:r=>process.stderr.write(r.endsWith(`
`)?r:`${r}
`)};function l(r,e,o,t=!1){try{return d({args:r,options:{...e,help:{type:"boolean",short:"h"}},allowPositionals:t,strict:!0})}catch(n){throw new s(n.message,o)}}function h(r,e,o){let[t]=r;if(r.length===1&&e.includes(t??""))return t;let n=e.length===1?`"${e[0]??""}"`:`one of ${e.join(", ")}`;throw new s(`expected ${n}${r.length?`, not "${r.join(" ")}"`:""}`,o)}function $(r){let e=i();if("invalid"in e)throw new s(e.invalid,r);return e}async function m(r,e,o,t){try{return await e(o,t)}catch(n){return n instanceof s?(t.err(`support-kit ${r}: ${n.message}

${n.help}`),a.usage):(t.err(`support-kit ${r}: ${n.message}`),a.findings)}}export{s as a,a as b,f as c,l as d,h as e,$ as f,m as g};
