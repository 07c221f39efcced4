<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#-- Every quality item: its levels and the level each phase (and tier) requires. Anchors: id="<item id>". -->
<#assign phaseNames = standard.phase_names>
<#-- A binary item's required 0 / 1 reads "not required" / "must be met", never a number. -->
<#macro reqValue level binary><#if binary>${t['binary.required.' + level]}<#else>${level}</#if></#macro>
<#macro reqCell r binary>
  <#if r.all??>
    <span class="req req-${r.all?c}"><@reqValue level=r.all binary=binary/></span>
  <#else>
    <span class="req-tiers"><#list r.tier_levels as tl><span class="req req-${tl.level?c}" title="${tl.tier.name}"><abbr title="${tl.tier.name}">${tl.tier.abbreviation}</abbr> <@reqValue level=tl.level binary=binary/></span><#sep> </#sep></#list></span>
  </#if>
</#macro>
<@layout.page title=t['items.title'] wide=true>
<div class="page-head">
  <h1>${t['items.title']}</h1>
  <p class="lead">${t['items.intro']}</p>
</div>

<nav class="toc" aria-label="${t['items.categories']}">
  <ul>
    <li><a href="#overview">${t['items.overview']}</a></li>
    <#list standard.categories as c><#if c.items?has_content><li><a href="#cat-${c.id}">${c.title}</a></li></#if></#list>
    <#if standard.sli_templates?has_content><li><a href="#sli-templates">${t['sli_templates.title']}</a></li></#if>
  </ul>
</nav>

<section id="overview" class="section">
  <h2>${t['items.overview']}</h2>
  <p class="muted">${t['items.overview_hint']}</p>
  <div class="table-scroll">
  <table class="data req-overview">
    <thead><tr><th scope="col">${t['assess.item']}</th>
      <#list standard.phases as ph><th scope="col"><a href="${root}standard/phases.html#${ph.id}">${ph.name}</a></th></#list></tr></thead>
    <#list standard.categories as c><#if c.items?has_content>
    <tbody>
      <tr class="subhead"><th colspan="${standard.phases?size + 1}" scope="rowgroup">${c.title}</th></tr>
      <#list c.items as it>
      <tr><th scope="row"><a href="#${it.id}">${it.title}</a></th>
        <#list it.requirements as r><td class="num"><@reqCell r=r binary=it.binary/></td></#list></tr>
      </#list>
    </tbody>
    </#if></#list>
  </table>
  </div>
  <p class="muted small">${t['items.tiers_hint']} <#list standard.tiers as tr><strong>${tr.abbreviation}</strong> = ${tr.id} (${tr.name})<#sep>, </#sep></#list></p>
</section>

<#list standard.categories as c><#if c.items?has_content>
<section class="section category" id="cat-${c.id}">
  <h2>${c.title}</h2>
  <#if c.description?has_content><p class="lead-sm">${c.description}</p></#if>
  <#list c.items as it>
  <article class="item-card" id="${it.id}" aria-labelledby="h-${it.id}">
    <h3 id="h-${it.id}">${it.title} <code class="id">${it.id}</code></h3>
    <div class="prose">${it.description_html?no_esc}</div>
    <#list it.applies_if as c><p class="applies-if">${t[(c.kind == "tag")?then('items.applies_if_tag', 'items.applies_if')]} <code>${c.value}</code></p></#list>
    <div class="grid-2 item-grid">
      <div>
        <#if it.binary>
        <h4>${t['items.binary_criteria']}</h4>
        <p>${it.levels[1].criteria}</p>
        <#else>
        <h4>${t['items.levels']}</h4>
        <table class="data levels">
          <thead><tr><th scope="col">${t['cell.level']}</th><th scope="col">${t['items.level_title']}</th><th scope="col">${t['items.criteria']}</th></tr></thead>
          <tbody>
          <#list it.levels as l>
            <tr><td class="num"><span class="level-badge">${l.level}</span></td><th scope="row">${l.title}</th><td>${l.criteria}</td></tr>
          </#list>
          </tbody>
        </table>
        </#if>
      </div>
      <div>
        <h4>${t['items.required']}</h4>
        <table class="data reqs">
          <thead><tr><th scope="col">${t['product.phase']}</th>
            <#list standard.tiers as tr><th scope="col" class="num"><abbr title="${tr.description}">${tr.name}</abbr><br><span class="muted small">${tr.id}</span></th></#list></tr></thead>
          <tbody>
          <#list it.requirements as r>
            <tr><th scope="row"><a href="${root}standard/phases.html#${r.phase}">${phaseNames[r.phase]!r.phase}</a></th>
              <#list r.tier_levels as tl><td class="num"><span class="req req-${tl.level?c}"><#if it.binary>${t['binary.required.' + tl.level]}<#else>${tl.level}</#if></span></td></#list></tr>
          </#list>
          </tbody>
        </table>
      </div>
    </div>
  </article>
  </#list>
</section>
</#if></#list>
<#-- SLOs (issue 16): the standard's SLI templates, which products' SLIs name in slos.yaml. -->
<#if standard.sli_templates?has_content>
<section id="sli-templates" class="section">
  <h2>${t['sli_templates.title']}</h2>
  <p class="muted">${t['sli_templates.intro']}</p>
  <#list standard.sli_templates as st>
  <article class="card" id="sli-${st.id}">
    <h3>${st.title} <span class="muted small">${st.id}</span></h3>
    <p>${st.description}</p>
    <#if st.parameters?has_content>
    <h4>${t['sli_templates.parameters']}</h4>
    <table class="data">
      <thead><tr><th scope="col">${t['sli_templates.parameter']}</th><th scope="col">${t['sli_templates.kind']}</th><th scope="col">${t['sli_templates.description']}</th></tr></thead>
      <tbody><#list st.parameters as p><tr><th scope="row"><code>{{${p.name}}}</code></th><td>${t['sli_templates.kind.' + p.kind]}</td><td>${p.description}</td></tr></#list></tbody>
    </table>
    </#if>
    <h4>${t['sli_templates.queries']}</h4>
    <table class="data">
      <thead><tr><th scope="col">${t['sli_templates.source']}</th><th scope="col">${t['sli_templates.good']}</th><th scope="col">${t['sli_templates.total']}</th></tr></thead>
      <tbody>
        <tr><th scope="row">Prometheus</th><td><code>${st.prometheus_good}</code></td><td><code>${st.prometheus_total}</code></td></tr>
        <tr><th scope="row">Datadog</th><td><code>${st.datadog_good}</code></td><td><code>${st.datadog_total}</code></td></tr>
      </tbody>
    </table>
  </article>
  </#list>
</section>
</#if>
</@layout.page>
