const ie=155,le=[155],ue={1155:((N,y,t)=>{t.r(y),t.d(y,{demoCommand:()=>J});var m=t(1455),A=t.n(m),c=t(6760),P=t.n(c),e=t(830),a=t(7911),$=t(7485);const I="acme",L="escalations",o=`${I}/${L}`,O=".github/support-kit";async function J(v,s){const{values:u}=(0,$.g0)(v,{preset:{type:"string",default:"escalation"},keep:{type:"boolean"}},a.Ep);if(u.help)return s.out(a.Ep),$.dc.ok;const[{startEmulator:S,webhookPayload:h},{runAction:V,projectRoot:C,node24:Y},{escalationBody:T,presetFiles:Z}]=await Promise.all([Promise.all([t.e(815),t.e(645),t.e(626)]).then(t.bind(t,7626)),t.e(891).then(t.bind(t,2891)),t.e(657).then(t.bind(t,6657))]),x=(0,c.join)(C(),"config","presets");if(!(await(0,m.readdir)(x)).includes(u.preset))throw new $.eb(`unknown preset "${u.preset}"; presets: ${(await(0,m.readdir)(x)).join(", ")}`,a.Ep);const R=Z(C(),u.preset),p=await S({now:"2026-11-23T08:12:00Z",seed:{users:[{login:"customer-eng",name:"Customer engineering"},{login:"amy",name:"Amy (SFO)"},{login:"luc",name:"Luc (Paris)"},{login:"ivy",name:"Ivy (Cambridge)"}],repos:[{owner:I,name:L,collaborators:["amy","luc","ivy","alice","bob","chloe","dan","emma","fred","escalation-leads"],files:R}]}});try{s.out("support-kit demo: a short support story against the GitHub emulator"),s.out(`  preset      ${u.preset} (config/presets/${u.preset}: ${Object.keys(R).map(i=>i.split("/").pop()).join(", ")})`),s.out(`  repository  ${o} on ${p.url}`),s.out(`  runtime     the committed bundles in dist/ under ${await Q(Y())}`);const r=p.store,w=r.createIssue(o,{title:"[Escalation]: Engine restarts after upgrade to 17.06 on production nodes",body:T(),user:"customer-eng",labels:["escalation"]}),M={"Problem or feature request":"Overlay network drops packets between nodes since Monday; services time out.",Severity:"N/A",Area:"network",Logs:"_No response_"},E=r.createIssue(o,{title:"[Escalation]: Overlay network drops packets between nodes",body:T(M),user:"customer-eng",labels:["escalation"]}),q=T({...M,Severity:"sev 2",Logs:"```\nkernel: vxlan: fdb lookup failed for 10.0.9.4\n```"}),X=R[`${O}/labels.yaml`]??`labels: []
`;for(const i of["bug","documentation","duplicate","enhancement","invalid","question","sev1"])r.createLabel(o,{name:i,color:"ededed"});r.addLabels(o,w.number,["sev1"]);const U=`${X}
  # Renamed: issues labelled sev1 keep their label under the new name.
  - name: S1-watchlist
    color: d93f0b
    description: Severity 1 on a watchlist account
    aliases: [sev1]
`,H="c3".repeat(20);r.setFile(o,`${O}/labels.yaml`,U,H);const _=U.replace(/color: "?([0-9a-fA-F]{5})[0-9a-fA-F]"?/,"color: $1"),f=r.createIssue(o,{title:"Tune the severity labels",user:"amy",pull_request:!0}),F=(i,l)=>{f.pull_request&&(f.pull_request.head_sha=i),r.setFile(o,`${O}/labels.yaml`,l,i)},G=[{title:`@amy pushes labels.yaml (the ${u.preset} preset plus a renamed sev1) to main`,action:"labels",event:{name:"push",payload:h(r,"push",{repo:o,after:H,sender:"amy",commits:[{id:H,message:"Adopt the escalation labels",modified:[`${O}/labels.yaml`]}]})}},{title:`@customer-eng opens #${w.number} "${w.title}" with every answer`,action:"all",event:{name:"issues",payload:h(r,"issues",{repo:o,action:"opened",number:w.number})}},{title:`@customer-eng opens #${E.number} "${E.title}": no logs, severity "N/A"`,action:"intake",event:{name:"issues",payload:h(r,"issues",{repo:o,action:"opened",number:E.number})}},{title:`@customer-eng edits #${E.number}: adds the logs and "sev 2"`,action:"intake",before:()=>r.updateIssue(o,E.number,{body:q},{actor:"customer-eng"}),event:{name:"issues",payload:{}}},{title:"someone stars the repository (an event no capability acts on)",action:"intake",event:{name:"watch",payload:{action:"started"}}},{title:`@amy opens pull request #${f.number} "${f.title}" with a colour one digit short`,action:"all",before:()=>F("a1".repeat(20),_),event:{name:"pull_request",payload:{}}},{title:`@amy pushes a fix to #${f.number} that also prunes "invalid"`,action:"all",before:()=>F("b2".repeat(20),`prune: true
exclude: [documentation, duplicate]
${U}`),event:{name:"pull_request",payload:{}}},{title:`the check on #${f.number} is re-run on the same commit`,action:"validate",event:{name:"pull_request",payload:{}}}];let B=0;for(const[i,l]of G.entries()){l.before?.();const j=l.event.name==="issues"&&Object.keys(l.event.payload).length===0?{name:"issues",payload:h(r,"issues",{repo:o,action:"edited",number:E.number,changes:{body:{from:T(M)}}})}:l.event.name==="pull_request"?{name:"pull_request",payload:h(r,"pull_request",{repo:o,action:l.title.includes("opens pull request")?"opened":"synchronize",number:f.number})}:l.event;p.resetRequests();const te=new Map(r.repo(o).issues.map(n=>[n.number,n.comments.map(d=>d.updated_at+d.body)])),se=Date.now(),k=await V({action:l.action,apiUrl:p.url,repo:o,event:j,...l.inputs?{inputs:l.inputs}:{}}),ne=Date.now()-se,D=[...p.requests];B+=D.length;const oe=D.filter(n=>n.method!=="GET").length;s.out(""),s.out(`${i+1}. ${l.title}`),s.out(`   ▸ dist/${l.action} on ${j.name}${"action"in j.payload?`.${String(j.payload.action)}`:""}: exit ${k.exitCode}${k.exitCode?" (the check fails)":""}, ${D.length} API request(s), ${oe} write(s), ${ne} ms`);const K=/nothing to do[^\n]*/.exec(k.stdout);K&&s.out(`     ${K[0]}`);for(const n of k.annotations)s.out(`     annotation ${n.level}${n.file?` ${n.file}:${n.line??1}:${n.col??1}`:""}: ${n.message.split(`
`)[0]}`);for(const n of z(k.outputs.plan)){const d=n.operations.filter(g=>g.kind!=="keep-label"),b=n.operations.length-d.length;s.out(`     ${n.capability}: ${d.length} operation(s)${b?`, ${b} label(s) left as they are`:""}${n.preview?" (preview, not applied)":""}${n.notes.length?`; ${n.notes.join("; ")}`:""}`);for(const g of d.slice(0,6))s.out(`       - ${(0,e.f)(g)}: ${(0,e.u)(g)} (${g.reason})`);d.length>6&&s.out(`       - ... and ${d.length-6} more`)}for(const n of r.repo(o).issues){const d=te.get(n.number)??[];n.comments.forEach((b,g)=>{const W=d[g];if(W!==b.updated_at+b.body){s.out(`     comment on #${n.number} ${W===void 0?"created":"updated in place"} by @${b.user} (#${n.number} has ${n.comments.length} comment(s)):`);for(const ae of b.body.split(`
`).filter(re=>!re.startsWith("<!--")))s.out(`       │ ${ae}`)}})}}s.out(""),s.out(`Done: ${G.length} events, ${B} API requests in all.`);const ee=r.issue(o,w.number).labels.map(i=>i.name);return s.out(`Labels on #${w.number}: ${ee.join(", ")} (it had sev1; the rename kept it on the issue).`),s.out(`Repository labels: ${r.repo(o).labels.length}; "invalid" stays until the pull request that prunes it is merged.`),u.keep&&(s.out(`The emulator keeps running at ${p.url} (state at ${p.url}/_emulator/state). Ctrl-C to stop.`),await new Promise(i=>{process.once("SIGINT",()=>i()),process.once("SIGTERM",()=>i())})),$.dc.ok}finally{await p.close()}}function z(v){if(!v)return[];const s=JSON.parse(v);return Array.isArray(s)?s:[s]}async function Q(v){const{execFile:s}=await Promise.resolve().then(t.t.bind(t,1421,23));return new Promise(u=>s(v,["--version"],(S,h)=>u(`Node ${String(h).trim()}`)))}}),7911:((N,y,t)=>{t.d(y,{Ep:()=>c,Ig:()=>a,Qx:()=>P,Ur:()=>A,rl:()=>e,zg:()=>m});const m=`Usage: support-kit validate [--config PATH] [--repo owner/name [--ref REF]] [--json]

Checks the support-kit config: YAML syntax, the JSON Schemas in config/schema/ and the
checks a schema cannot express. Every problem is printed as file:line:column.

Options:
  --config PATH   the config folder or one file in it (default .github/support-kit)
  --repo o/name   read the config from that repository through the API instead of the disk
                  (token from GITHUB_TOKEN, API from GITHUB_API_URL)
  --ref REF       with --repo: the branch, tag or commit to read (default: the default branch)
  --json          print {"valid": bool, "files": [...], "problems": [...]}
  -h, --help      show this help

Exit status: 0 valid, 1 problems found, 2 usage error.`,A=`Usage: support-kit emulator [--port N] [--host ADDR] [--seed FILE]

Runs the GitHub emulator the kit's tests use: a stateful in-memory GitHub (REST and GraphQL)
on loopback. Prints its URL, then serves until stopped (Ctrl-C). Point GITHUB_API_URL at it.
The seed format is documented in docs/emulator.md.

Options:
  --port N      port to listen on; 0 picks a free one (default 0)
  --host ADDR   address to bind (default 127.0.0.1; loopback only)
  --seed FILE   JSON or YAML seed with users, repositories, labels, issues and files
  -h, --help    show this help`,c=`Usage: support-kit demo [--preset NAME] [--keep]

Plays a short support story against the GitHub emulator through the real action bundles
(dist/<name>/index.js under Node 24, with the environment a runner sets) and prints what
happened: the config each action read, its plan, the comments and annotations it wrote,
and how many API requests it cost.

Options:
  --preset NAME   the preset the sample repository is configured from (default escalation;
                  the issues in the story are written on the escalation form)
  --keep          keep the emulator running afterwards and print its URL (Ctrl-C to stop)
  -h, --help      show this help`,P=`Usage: support-kit labels <plan|apply|check> --repo owner/name [--config PATH] [options]

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
Exit status: 0 done (or in sync), 1 drift, a held brake, config errors or failed writes, 2 usage error.`,e=`Usage: support-kit intake check (--issue FILE.json | --body FILE.md [--title T]) [options]

Judges one issue the way the intake action does: which template applies, what is missing
and why, and which labels its answers bring. Nothing is sent to GitHub.

Options:
  --issue FILE.json     an issue as GitHub's API returns it (or an issues event payload)
  --body FILE.md        the issue body as markdown; with --title for its title
  --title T             the issue title (default: the one in --issue, else "")
  --config PATH         the config folder holding intake.yaml (default .github/support-kit)
  --templates DIR       the issue templates (default .github/ISSUE_TEMPLATE)
  --json                print {"complete": bool, "template": name, "missing": [{"field", "reason"}], "labels": [...]}
  -h, --help            show this help

Exit status: 0 complete, 1 incomplete (or config errors), 2 usage error.`,a=`Usage: support-kit oncall who [--at ISO-8601] [--schedule S] [--config PATH] [--json]

Who is on call at an instant, per roster.yaml, and why: the rotation turn, an override, a
leave, or a gap and when coverage resumes. Nothing is sent to GitHub.

Options:
  --at ISO-8601      the instant, with its offset (2026-03-29T03:00+02:00) or Z; default now
  --schedule S       one schedule (default: every schedule of the roster)
  --config PATH      roster.yaml, or the config folder holding it (default .github/support-kit)
  --json             print {"at": ISO, "assignments": [{"schedule", "role", "login" (null in a gap),
                     "until" (ISO or null), "reason"}]}
  -h, --help         show this help

Exit status: 0 done, 1 roster errors (file:line:column), 2 usage error.`}),830:((N,y,t)=>{t.d(y,{f:()=>m,u:()=>A});function m(e){switch(e.kind){case"upsert-issue":return`issue marked ${P(e.marker.kind,e.marker.keys)}`;case"create-label":case"update-label":case"delete-label":case"keep-label":return`label "${e.name}"`;default:return`#${e.issue}`}}function A(e){switch(e.kind){case"add-labels":return`add label${e.labels.length>1?"s":""} ${e.labels.map(c).join(", ")}`;case"remove-labels":return`remove label${e.labels.length>1?"s":""} ${e.labels.map(c).join(", ")}`;case"edit-labels":return[e.add.length?`add ${e.add.map(c).join(", ")}`:"",e.remove.length?`remove ${e.remove.map(c).join(", ")}`:""].filter(Boolean).join(", ");case"add-assignees":return`assign ${e.assignees.join(", ")}${e.fallback?` (else ${e.fallback})`:""}`;case"remove-assignees":return`unassign ${e.assignees.join(", ")}`;case"upsert-comment":return`write the ${e.marker.kind} comment`;case"upsert-issue":return`write issue "${e.title}"`;case"update-issue":{const a=[];return e.state&&a.push(e.stateReason?`${e.state} (${e.stateReason})`:e.state),e.title!==void 0&&a.push(`retitle "${e.title}"`),a.length>0?`set ${a.join(", ")}`:"update"}case"create-label":return`create (#${e.color}${e.description?`, "${e.description}"`:""})`;case"update-label":{const a=[];return e.newName!==void 0&&a.push(`rename to "${e.newName}"`),e.color!==void 0&&a.push(`colour #${e.color}`),e.description!==void 0&&a.push(e.description?`description "${e.description}"`:"clear description"),a.join(", ")||"update"}case"delete-label":return"delete";case"keep-label":return"keep"}}function c(e){return`"${e}"`}function P(e,a){const $=Object.entries(a).map(([I,L])=>`${I}=${L}`);return[e,...$].join(" ")}})};export{ie as id,le as ids,ue as modules};
