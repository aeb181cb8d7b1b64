const te=155,oe=[155],ne={1155:((H,E,o)=>{o.r(E),o.d(E,{demoCommand:()=>B});var f=o(1455),D=o.n(f),y=o(6760),q=o.n(y),M=o(7975),ee=o.n(M),A=o(7911),b=o(7485);const R="acme",w="escalations",a=`${R}/${w}`,L=".github/support-kit";async function B(l,e){let s;try{({values:s}=(0,M.parseArgs)({args:l,options:{preset:{type:"string",default:"escalation"},keep:{type:"boolean"},help:{type:"boolean",short:"h"}},strict:!0}))}catch(n){throw new b.eb(n.message,A.Ep)}if(s.help)return e.out(A.Ep),b.dc.ok;const[{startEmulator:g,webhookPayload:d},{runAction:p,projectRoot:T,node24:W}]=await Promise.all([Promise.all([o.e(815),o.e(645),o.e(626)]).then(o.bind(o,7626)),o.e(891).then(o.bind(o,2891))]),K=(0,y.join)(T(),"config","presets",s.preset),O=await S(K,s.preset,(0,y.join)(T(),"config","presets")),c=await g({now:"2026-11-23T08:12:00Z",seed:{users:[{login:"customer-eng",name:"Customer engineering"},{login:"amy",name:"Amy (SFO)"},{login:"luc",name:"Luc (Paris)"},{login:"ivy",name:"Ivy (Cambridge)"}],repos:[{owner:R,name:w,collaborators:["amy","luc","ivy"],files:Object.fromEntries(Object.entries(O).map(([n,m])=>[`${L}/${n}`,m]))}]}});try{e.out("support-kit demo: a short support story against the GitHub emulator"),e.out(`  preset      ${s.preset} (config/presets/${s.preset}: ${Object.keys(O).join(", ")})`),e.out(`  repository  ${a} on ${c.url}`),e.out(`  runtime     the committed bundles in dist/ under ${await F(W())}`);const n=c.store,m=n.createIssue(a,{title:"Engine crashes after upgrade to 17.06 on three production nodes",body:["### Problem","After the upgrade the engine restarts every few minutes. @luc can you look?","### Reported by","Existing deployment (Initech)","### Environment","Production","### Severity","S1-broken"].join(`
`),user:"customer-eng"}),C=O["labels.yaml"]??`labels: []
`,J=C.replace(/color: b60205/,"color: b6020"),h=n.createIssue(a,{title:"Tune the severity labels",user:"amy",pull_request:!0}),U=(r,i)=>{h.pull_request&&(h.pull_request.head_sha=r),n.setFile(a,`${L}/labels.yaml`,i,r)},j=[{title:`@customer-eng opens #${m.number} "${m.title}"`,action:"all",event:{name:"issues",payload:d(n,"issues",{repo:a,action:"opened",number:m.number})}},{title:"someone stars the repository (an event no capability acts on)",action:"intake",event:{name:"watch",payload:{action:"started"}}},{title:`@amy opens pull request #${h.number} "${h.title}" with a colour one digit short`,action:"validate",before:()=>U("a1".repeat(20),J),event:{name:"pull_request",payload:{}}},{title:`@amy pushes a fix to #${h.number}`,action:"validate",before:()=>U("b2".repeat(20),C),event:{name:"pull_request",payload:{}}},{title:`the check on #${h.number} is re-run on the same commit`,action:"validate",event:{name:"pull_request",payload:{}}}];let k=0;for(const[r,i]of j.entries()){i.before?.();const P=i.event.name==="pull_request"?{name:"pull_request",payload:d(n,"pull_request",{repo:a,action:r===2?"opened":"synchronize",number:h.number})}:i.event;c.resetRequests();const z=new Map(n.repo(a).issues.map(t=>[t.number,t.comments.map(u=>u.updated_at+u.body)])),V=Date.now(),$=await p({action:i.action,apiUrl:c.url,repo:a,event:P,...i.inputs?{inputs:i.inputs}:{}}),Y=Date.now()-V,I=[...c.requests];k+=I.length;const Q=I.filter(t=>t.method!=="GET").length;e.out(""),e.out(`${r+1}. ${i.title}`),e.out(`   ▸ dist/${i.action} on ${P.name}${"action"in P.payload?`.${String(P.payload.action)}`:""}: exit ${$.exitCode}${$.exitCode?" (the check fails)":""}, ${I.length} API request(s), ${Q} write(s), ${Y} ms`);const x=/nothing to do[^\n]*/.exec($.stdout);x&&e.out(`     ${x[0]}`);for(const t of $.annotations)e.out(`     annotation ${t.level}${t.file?` ${t.file}:${t.line??1}:${t.col??1}`:""}: ${t.message.split(`
`)[0]}`);for(const t of G($.outputs.plan)){e.out(`     ${t.capability}: ${t.operations.length} operation(s)${t.notes.length?`; ${t.notes.join("; ")}`:""}`);for(const u of t.operations)e.out(`       - ${u.kind}${u.issue?` on #${u.issue}`:""}: ${u.reason}`)}for(const t of n.repo(a).issues){const u=z.get(t.number)??[];t.comments.forEach((v,Z)=>{const N=u[Z];if(N!==v.updated_at+v.body){e.out(`     comment on #${t.number} ${N===void 0?"created":"updated in place"} by @${v.user} (#${t.number} has ${t.comments.length} comment(s)):`);for(const _ of v.body.split(`
`).filter(X=>!X.startsWith("<!--")))e.out(`       │ ${_}`)}})}}return e.out(""),e.out(`Done: ${j.length} events, ${k} API requests in all.`),e.out(`Labels on #${m.number}: ${n.issue(a,m.number).labels.map(r=>r.name).join(", ")||"none yet (intake rules are not built yet)"}.`),s.keep&&(e.out(`The emulator keeps running at ${c.url} (state at ${c.url}/_emulator/state). Ctrl-C to stop.`),await new Promise(r=>{process.once("SIGINT",()=>r()),process.once("SIGTERM",()=>r())})),b.dc.ok}finally{await c.close()}}function G(l){if(!l)return[];const e=JSON.parse(l);return Array.isArray(e)?e:[e]}async function S(l,e,s){let g;try{g=(await(0,f.readdir)(l)).filter(p=>/\.ya?ml$/.test(p)).sort()}catch{const p=await(0,f.readdir)(s).catch(()=>[]);throw new b.eb(`unknown preset "${e}"; presets: ${p.join(", ")}`,A.Ep)}const d={};for(const p of g)d[p]=await(0,f.readFile)((0,y.join)(l,p),"utf8");return d}async function F(l){const{execFile:e}=await Promise.resolve().then(o.t.bind(o,1421,23));return new Promise(s=>e(l,["--version"],(g,d)=>s(`Node ${String(d).trim()}`)))}}),7911:((H,E,o)=>{o.d(E,{Ep:()=>y,Ur:()=>D,zg:()=>f});const f=`Usage: support-kit validate [--config PATH] [--repo owner/name [--ref REF]] [--json]

Checks the support-kit config: YAML syntax, the JSON Schemas in config/schema/ and the
checks a schema cannot express. Every problem is printed as file:line:column.

Options:
  --config PATH   the config folder or one file in it (default .github/support-kit)
  --repo o/name   read the config from that repository through the API instead of the disk
                  (token from GITHUB_TOKEN, API from GITHUB_API_URL)
  --ref REF       with --repo: the branch, tag or commit to read (default: the default branch)
  --json          print {"valid": bool, "files": [...], "problems": [...]}
  -h, --help      show this help

Exit status: 0 valid, 1 problems found, 2 usage error.`,D=`Usage: support-kit emulator [--port N] [--host ADDR] [--seed FILE]

Runs the GitHub emulator the kit's tests use: a stateful in-memory GitHub (REST and GraphQL)
on loopback. Prints its URL, then serves until stopped (Ctrl-C). Point GITHUB_API_URL at it.
The seed format is documented in docs/emulator.md.

Options:
  --port N      port to listen on; 0 picks a free one (default 0)
  --host ADDR   address to bind (default 127.0.0.1; loopback only)
  --seed FILE   JSON or YAML seed with users, repositories, labels, issues and files
  -h, --help    show this help`,y=`Usage: support-kit demo [--preset NAME] [--keep]

Plays a short support story against the GitHub emulator through the real action bundles
(dist/<name>/index.js under Node 24, with the environment a runner sets) and prints what
happened: the config each action read, its plan, the comments and annotations it wrote,
and how many API requests it cost.

Options:
  --preset NAME   the preset the sample repository is configured from (default escalation)
  --keep          keep the emulator running afterwards and print its URL (Ctrl-C to stop)
  -h, --help      show this help`})};export{te as id,oe as ids,ne as modules};
