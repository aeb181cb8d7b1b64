var E=".github/workflows",o=t=>`support-kit-${t}`,L=o("schedule.yml"),e=`${E}/${L}`,r=".github/ISSUE_TEMPLATE";export{L as a,e as b,r as c};
