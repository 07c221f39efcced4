<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#import "list-macros.ftl" as lm>
<#import "cost-macros.ftl" as cm>
<#-- The rows of the costs page's products' tables that follow those of costs.html (issue 15):
     this page's rows of the profit ranking and of each period's growth or savings. -->
<#assign paging = costs.paging>
<#assign pageOf = t['list.page_of']?replace('{number}', paging.number?c)?replace('{count}', paging.count?c)>
<@layout.page title=t['costs.title'] + " (" + pageOf + ")" wide=true>
<div class="page-head">
  <h1>${t['costs.title']} <span class="muted small">${pageOf}</span></h1>
  <p class="lead">${t['costs.more_intro']?replace('{from}', paging.from?c)?replace('{to}', paging.to?c)?replace('{total}', paging.longest?c)} <a href="${root}costs.html">${t['costs.more_back']}</a></p>
</div>
<@lm.pager count=paging.count current=paging.number firstHref="${root}costs.html" prefix="${root}costs/" label=t['list.pages']/>
<#if costs.ranking?has_content>
<section id="ranking" class="section" aria-labelledby="ranking-title">
  <h2 id="ranking-title">${t['costs.ranking_title']}<#if costs.latest_final_month??>: ${costs.latest_final_month}</#if></h2>
  <div class="table-scroll" role="region" aria-label="${t['costs.ranking_title']}" tabindex="0">
  <@cm.rankingTable costs=costs rows=costs.ranking/>
  </div>
</section>
</#if>
<#if costs.cost_changes?has_content>
<section id="growth-savings" class="section" aria-labelledby="growth-savings-title">
  <h2 id="growth-savings-title">${t['costs.change_title']}</h2>
  <#list costs.cost_changes as c>
  <div class="table-scroll" role="region" aria-label="${t['costs.change.caption']}: ${t['costs.change.' + c.period]}" tabindex="0">
  <@cm.changeTable costs=costs c=c/>
  </div>
  </#list>
</section>
</#if>
<@lm.pager count=paging.count current=paging.number firstHref="${root}costs.html" prefix="${root}costs/" label=t['list.pages'] end=true/>
</@layout.page>
