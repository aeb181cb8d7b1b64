var E=".github/workflows",t=o=>`support-kit-${o}`,L=t("schedule.yml"),r=`${E}/${L}`,e=t("report.yml"),s=".github/ISSUE_TEMPLATE";export{E as a,t as b,L as c,r as d,s as e};
