var t=".github/workflows",o=E=>`support-kit-${E}`,L=o("schedule.yml"),e=`${t}/${L}`,r=o("report.yml"),s=`${t}/${r}`,R=".github/ISSUE_TEMPLATE";export{t as a,L as b,e as c,r as d,s as e,R as f};
