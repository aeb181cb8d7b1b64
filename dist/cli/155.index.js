const ae=155,re=[155],le={1155:((C,v,s)=>{s.r(v),s.d(v,{demoCommand:()=>F});var m=s(1455),O=s.n(m),d=s(6760),I=s.n(d),e=s(7975),r=s.n(e),L=s(830),P=s(7911),w=s(7485);const x="acme",H="escalations",a=`${x}/${H}`,T=".github/support-kit";async function F(p,t){let l;try{({values:l}=(0,e.parseArgs)({args:p,options:{preset:{type:"string",default:"escalation"},keep:{type:"boolean"},help:{type:"boolean",short:"h"}},strict:!0}))}catch(o){throw new w.eb(o.message,P.Ep)}if(l.help)return t.out(P.Ep),w.dc.ok;const[{startEmulator:k,webhookPayload:h},{runAction:f,projectRoot:N,node24:Q}]=await Promise.all([Promise.all([s.e(815),s.e(645),s.e(626)]).then(s.bind(s,7626)),s.e(891).then(s.bind(s,2891))]),V=(0,d.join)(N(),"config","presets",l.preset),M=await J(V,l.preset,(0,d.join)(N(),"config","presets")),b=await k({now:"2026-11-23T08:12:00Z",seed:{users:[{login:"customer-eng",name:"Customer engineering"},{login:"amy",name:"Amy (SFO)"},{login:"luc",name:"Luc (Paris)"},{login:"ivy",name:"Ivy (Cambridge)"}],repos:[{owner:x,name:H,collaborators:["amy","luc","ivy"],files:Object.fromEntries(Object.entries(M).map(([o,g])=>[`${T}/${o}`,g]))}]}});try{t.out("support-kit demo: a short support story against the GitHub emulator"),t.out(`  preset      ${l.preset} (config/presets/${l.preset}: ${Object.keys(M).join(", ")})`),t.out(`  repository  ${a} on ${b.url}`),t.out(`  runtime     the committed bundles in dist/ under ${await z(Q())}`);const o=b.store,g=o.createIssue(a,{title:"Engine crashes after upgrade to 17.06 on three production nodes",body:["### Problem","After the upgrade the engine restarts every few minutes. @luc can you look?","### Reported by","Existing deployment (Initech)","### Environment","Production","### Severity","S1-broken"].join(`
`),user:"customer-eng"}),Y=M["labels.yaml"]??`labels: []
`;for(const i of["bug","documentation","duplicate","enhancement","invalid","question","sev1"])o.createLabel(a,{name:i,color:"ededed"});o.addLabels(a,g.number,["sev1"]);const D=`${Y}
  # Renamed: issues labelled sev1 keep their label under the new name.
  - name: S1-watchlist
    color: d93f0b
    description: Severity 1 on a watchlist account
    aliases: [sev1]
`,j="c3".repeat(20);o.setFile(a,`${T}/labels.yaml`,D,j);const Z=D.replace(/color: b60205/,"color: b6020"),$=o.createIssue(a,{title:"Tune the severity labels",user:"amy",pull_request:!0}),B=(i,u)=>{$.pull_request&&($.pull_request.head_sha=i),o.setFile(a,`${T}/labels.yaml`,u,i)},S=[{title:"@amy pushes labels.yaml (the escalation preset plus a renamed sev1) to main",action:"labels",event:{name:"push",payload:h(o,"push",{repo:a,after:j,sender:"amy",commits:[{id:j,message:"Adopt the escalation labels",modified:[`${T}/labels.yaml`]}]})}},{title:`@customer-eng opens #${g.number} "${g.title}"`,action:"all",event:{name:"issues",payload:h(o,"issues",{repo:a,action:"opened",number:g.number})}},{title:"someone stars the repository (an event no capability acts on)",action:"intake",event:{name:"watch",payload:{action:"started"}}},{title:`@amy opens pull request #${$.number} "${$.title}" with a colour one digit short`,action:"all",before:()=>B("a1".repeat(20),Z),event:{name:"pull_request",payload:{}}},{title:`@amy pushes a fix to #${$.number} that also prunes "invalid"`,action:"all",before:()=>B("b2".repeat(20),`prune: true
exclude: [documentation, duplicate]
${D}`),event:{name:"pull_request",payload:{}}},{title:`the check on #${$.number} is re-run on the same commit`,action:"validate",event:{name:"pull_request",payload:{}}}];let _=0;for(const[i,u]of S.entries()){u.before?.();const R=u.event.name==="pull_request"?{name:"pull_request",payload:h(o,"pull_request",{repo:a,action:u.title.includes("opens pull request")?"opened":"synchronize",number:$.number})}:u.event;b.resetRequests();const X=new Map(o.repo(a).issues.map(n=>[n.number,n.comments.map(c=>c.updated_at+c.body)])),ee=Date.now(),A=await f({action:u.action,apiUrl:b.url,repo:a,event:R,...u.inputs?{inputs:u.inputs}:{}}),te=Date.now()-ee,U=[...b.requests];_+=U.length;const se=U.filter(n=>n.method!=="GET").length;t.out(""),t.out(`${i+1}. ${u.title}`),t.out(`   ▸ dist/${u.action} on ${R.name}${"action"in R.payload?`.${String(R.payload.action)}`:""}: exit ${A.exitCode}${A.exitCode?" (the check fails)":""}, ${U.length} API request(s), ${se} write(s), ${te} ms`);const G=/nothing to do[^\n]*/.exec(A.stdout);G&&t.out(`     ${G[0]}`);for(const n of A.annotations)t.out(`     annotation ${n.level}${n.file?` ${n.file}:${n.line??1}:${n.col??1}`:""}: ${n.message.split(`
`)[0]}`);for(const n of W(A.outputs.plan)){const c=n.operations.filter(E=>E.kind!=="keep-label"),y=n.operations.length-c.length;t.out(`     ${n.capability}: ${c.length} operation(s)${y?`, ${y} label(s) left as they are`:""}${n.preview?" (preview, not applied)":""}${n.notes.length?`; ${n.notes.join("; ")}`:""}`);for(const E of c.slice(0,6))t.out(`       - ${(0,L.f)(E)}: ${(0,L.u)(E)} (${E.reason})`);c.length>6&&t.out(`       - ... and ${c.length-6} more`)}for(const n of o.repo(a).issues){const c=X.get(n.number)??[];n.comments.forEach((y,E)=>{const K=c[E];if(K!==y.updated_at+y.body){t.out(`     comment on #${n.number} ${K===void 0?"created":"updated in place"} by @${y.user} (#${n.number} has ${n.comments.length} comment(s)):`);for(const ne of y.body.split(`
`).filter(oe=>!oe.startsWith("<!--")))t.out(`       │ ${ne}`)}})}}t.out(""),t.out(`Done: ${S.length} events, ${_} API requests in all.`);const q=o.issue(a,g.number).labels.map(i=>i.name);return t.out(`Labels on #${g.number}: ${q.join(", ")} (it had sev1; the rename kept it on the issue).`),t.out(`Repository labels: ${o.repo(a).labels.length}; "invalid" stays until the pull request that prunes it is merged.`),l.keep&&(t.out(`The emulator keeps running at ${b.url} (state at ${b.url}/_emulator/state). Ctrl-C to stop.`),await new Promise(i=>{process.once("SIGINT",()=>i()),process.once("SIGTERM",()=>i())})),w.dc.ok}finally{await b.close()}}function W(p){if(!p)return[];const t=JSON.parse(p);return Array.isArray(t)?t:[t]}async function J(p,t,l){let k;try{k=(await(0,m.readdir)(p)).filter(f=>/\.ya?ml$/.test(f)).sort()}catch{const f=await(0,m.readdir)(l).catch(()=>[]);throw new w.eb(`unknown preset "${t}"; presets: ${f.join(", ")}`,P.Ep)}const h={};for(const f of k)h[f]=await(0,m.readFile)((0,d.join)(p,f),"utf8");return h}async function z(p){const{execFile:t}=await Promise.resolve().then(s.t.bind(s,1421,23));return new Promise(l=>t(p,["--version"],(k,h)=>l(`Node ${String(h).trim()}`)))}}),7911:((C,v,s)=>{s.d(v,{Ep:()=>d,Qx:()=>I,Ur:()=>O,zg:()=>m});const m=`Usage: support-kit validate [--config PATH] [--repo owner/name [--ref REF]] [--json]

Checks the support-kit config: YAML syntax, the JSON Schemas in config/schema/ and the
checks a schema cannot express. Every problem is printed as file:line:column.

Options:
  --config PATH   the config folder or one file in it (default .github/support-kit)
  --repo o/name   read the config from that repository through the API instead of the disk
                  (token from GITHUB_TOKEN, API from GITHUB_API_URL)
  --ref REF       with --repo: the branch, tag or commit to read (default: the default branch)
  --json          print {"valid": bool, "files": [...], "problems": [...]}
  -h, --help      show this help

Exit status: 0 valid, 1 problems found, 2 usage error.`,O=`Usage: support-kit emulator [--port N] [--host ADDR] [--seed FILE]

Runs the GitHub emulator the kit's tests use: a stateful in-memory GitHub (REST and GraphQL)
on loopback. Prints its URL, then serves until stopped (Ctrl-C). Point GITHUB_API_URL at it.
The seed format is documented in docs/emulator.md.

Options:
  --port N      port to listen on; 0 picks a free one (default 0)
  --host ADDR   address to bind (default 127.0.0.1; loopback only)
  --seed FILE   JSON or YAML seed with users, repositories, labels, issues and files
  -h, --help    show this help`,d=`Usage: support-kit demo [--preset NAME] [--keep]

Plays a short support story against the GitHub emulator through the real action bundles
(dist/<name>/index.js under Node 24, with the environment a runner sets) and prints what
happened: the config each action read, its plan, the comments and annotations it wrote,
and how many API requests it cost.

Options:
  --preset NAME   the preset the sample repository is configured from (default escalation)
  --keep          keep the emulator running afterwards and print its URL (Ctrl-C to stop)
  -h, --help      show this help`,I=`Usage: support-kit labels <plan|apply|check> --repo owner/name [--config PATH] [options]

Makes a repository's labels follow labels.yaml, the way the labels action does on push.
  plan    show what apply would do (nothing is written)
  apply   create, update, rename and (with prune) delete labels
  check   change nothing; exit 1 when the labels have drifted from labels.yaml

Options:
  --repo o/name          the repository the sync runs for (its labels, unless labels.yaml names others)
  --config PATH          labels.yaml, or the config folder holding it (default .github/support-kit)
  --dry-run              with apply: decide and print, write nothing
  --allow-mass-delete    let a prune through that deletes more than the brake allows
  --json                 print {"plans": [...], "problems": [...], "failures": [...]}
  -h, --help             show this help

Token from GITHUB_TOKEN, API from GITHUB_API_URL (default https://api.github.com).
Exit status: 0 done (or in sync), 1 drift, a held brake, config errors or failed writes, 2 usage error.`}),830:((C,v,s)=>{s.d(v,{f:()=>m,u:()=>O});function m(e){switch(e.kind){case"upsert-issue":return`issue marked ${I(e.marker.kind,e.marker.keys)}`;case"create-label":case"update-label":case"delete-label":case"keep-label":return`label "${e.name}"`;default:return`#${e.issue}`}}function O(e){switch(e.kind){case"add-labels":return`add label${e.labels.length>1?"s":""} ${e.labels.map(d).join(", ")}`;case"remove-labels":return`remove label${e.labels.length>1?"s":""} ${e.labels.map(d).join(", ")}`;case"add-assignees":return`assign ${e.assignees.join(", ")}`;case"remove-assignees":return`unassign ${e.assignees.join(", ")}`;case"upsert-comment":return`write the ${e.marker.kind} comment`;case"upsert-issue":return`write issue "${e.title}"`;case"update-issue":{const r=[];return e.state&&r.push(e.stateReason?`${e.state} (${e.stateReason})`:e.state),e.title!==void 0&&r.push(`retitle "${e.title}"`),r.length>0?`set ${r.join(", ")}`:"update"}case"create-label":return`create (#${e.color}${e.description?`, "${e.description}"`:""})`;case"update-label":{const r=[];return e.newName!==void 0&&r.push(`rename to "${e.newName}"`),e.color!==void 0&&r.push(`colour #${e.color}`),e.description!==void 0&&r.push(e.description?`description "${e.description}"`:"clear description"),r.join(", ")||"update"}case"delete-label":return"delete";case"keep-label":return"keep"}}function d(e){return`"${e}"`}function I(e,r){const L=Object.entries(r).map(([P,w])=>`${P}=${w}`);return[e,...L].join(" ")}})};export{ae as id,re as ids,le as modules};
