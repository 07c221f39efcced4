<#ftl output_format="HTML">
<#-- Campaign blocks of other pages: the active campaigns (home page, before the matrix) and a
     product's part in them (product page, before the security section). -->

<#-- The campaigns that have started and are not done (late ones included), with their progress. -->
<#macro active campaigns>
<#if campaigns?has_content>
<section class="campaigns-active" aria-labelledby="campaigns-active-title">
  <h2 id="campaigns-active-title">${t['campaigns.active']}</h2>
  <ul class="campaign-list">
  <#list campaigns as c>
    <li class="campaign-item campaign-${c.stage}">
      <a href="${root}campaigns/${c.id}.html">${c.title}</a>
      <span class="pill campaign-stage-${c.stage}"><#if c.stage == "late"><span aria-hidden="true">!</span> </#if>${t['campaigns.stage.' + c.stage]}</span>
      <span class="muted small">${t['campaigns.due']} ${c.due}</span>
      <span class="campaign-progress"><progress max="${c.total?c}" value="${c.met?c}">${c.percent}%</progress> ${c.met?c}/${c.total?c} (${c.percent}%)</span>
    </li>
  </#list>
  </ul>
</section>
</#if>
</#macro>

<#-- A product's part in the shown campaigns: met goals counted, unmet ones named. -->
<#macro product_part parts>
<#if parts?has_content>
<section id="campaigns" class="section" aria-labelledby="campaigns-title">
  <h2 id="campaigns-title">${t['campaigns.your_part']}</h2>
  <ul class="campaign-list">
  <#list parts as c>
    <li class="campaign-item">
      <a href="${root}campaigns/${c.id}.html">${c.title}</a>
      <span class="muted small">${t['campaigns.due']} ${c.due}</span>
      ${c.met?c}/${c.total?c}
      <#if c.done><span class="status s-meets"><span class="sym" aria-hidden="true">✓</span> ${t['campaigns.product_done']}</span>
      <#else>
        <#if c.late><span class="flag flag-warn"><span aria-hidden="true">!</span> ${t['campaigns.stage.late']}</span></#if>
        <br>${t['campaigns.product_todo']}: <#list c.unmet as g><@goal g/><#sep>, </#list>
      </#if>
    </li>
  </#list>
  </ul>
</section>
</#if>
</#macro>

<#-- A goal as people read it: "Runbooks: level 3 or above", "Status page: met", "Admin MFA: answered yes". -->
<#macro goal g>${g.title}: <#if g.kind == "check">${t['campaigns.goal_check']}<#elseif g.kind == "met">${t['campaigns.goal_met']}<#else>${t['campaigns.goal_level']} ${g.level?c}</#if></#macro>
