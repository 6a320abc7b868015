<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
    <context>
        <name />
        <message>
            <source>案件</source>
            <translation>Case</translation>
        </message>
        <message>
            <source>业主</source>
            <translation>Owner</translation>
        </message>
        <message>
            <source>房号</source>
            <translation>Room</translation>
        </message>
        <message>
            <source>人员</source>
            <translation>Staff</translation>
        </message>
        <message>
            <source>部门</source>
            <translation>Department</translation>
        </message>
        <message>
            <source>制度设置</source>
            <translation>Policy settings</translation>
        </message>
        <message>
            <source>派工单</source>
            <translation>Work order</translation>
        </message>
        <message>
            <source>延期</source>
            <translation>Extension</translation>
        </message>
        <message>
            <source>重大投诉报告</source>
            <translation>Major complaint report</translation>
        </message>
        <message>
            <source>公开信</source>
            <translation>Open letter</translation>
        </message>
        <message>
            <source>回访</source>
            <translation>Follow-up visit</translation>
        </message>
        <message>
            <source>回访抽样</source>
            <translation>Visit sampling</translation>
        </message>
        <message>
            <source>返工通知</source>
            <translation>Rework notice</translation>
        </message>
        <message>
            <source>签名</source>
            <translation>Signature</translation>
        </message>
        <message>
            <source>回访审核</source>
            <translation>Visit review</translation>
        </message>
        <message>
            <source>回访记录表</source>
            <translation>Visit record form</translation>
        </message>
        <message>
            <source>季度报告</source>
            <translation>Quarterly report</translation>
        </message>
        <message>
            <source>节假日</source>
            <translation>Holidays</translation>
        </message>
        <message>
            <source>新建</source>
            <translation>Created</translation>
        </message>
        <message>
            <source>修改</source>
            <translation>Changed</translation>
        </message>
        <message>
            <source>序号</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>时间</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>操作</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>对象</source>
            <translation>Object</translation>
        </message>
        <message>
            <source>记录</source>
            <translation>Record</translation>
        </message>
        <message>
            <source>项目</source>
            <translation>Field</translation>
        </message>
        <message>
            <source>内容</source>
            <translation>Content</translation>
        </message>
        <message>
            <source>原值</source>
            <translation>Old value</translation>
        </message>
        <message>
            <source>新值</source>
            <translation>New value</translation>
        </message>
        <message>
            <source>备份时间</source>
            <translation>Backup time</translation>
        </message>
        <message>
            <source>文件</source>
            <translation>File</translation>
        </message>
        <message>
            <source>大小</source>
            <translation>Size</translation>
        </message>
        <message>
            <source>校验</source>
            <translation>Check</translation>
        </message>
        <message>
            <source> 天</source>
            <translation> days</translation>
        </message>
        <message>
            <source> 周</source>
            <translation> weeks</translation>
        </message>
        <message>
            <source> 个月</source>
            <translation> months</translation>
        </message>
        <message>
            <source>面谈</source>
            <translation>In person</translation>
        </message>
        <message>
            <source>书面</source>
            <translation>In writing</translation>
        </message>
        <message>
            <source>短信/微信</source>
            <translation>SMS/WeChat</translation>
        </message>
        <message>
            <source>确定</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>派工</source>
            <translation>Dispatch</translation>
        </message>
        <message>
            <source>签收</source>
            <translation>Sign for</translation>
        </message>
        <message>
            <source>进展 / 回复业主</source>
            <translation>Progress / reply to owner</translation>
        </message>
        <message>
            <source>办结</source>
            <translation>Resolve</translation>
        </message>
        <message>
            <source>关闭案件</source>
            <translation>Close case</translation>
        </message>
        <message>
            <source>重开</source>
            <translation>Reopen</translation>
        </message>
        <message>
            <source>为什么重开,如业主不满意、问题复发</source>
            <translation>Why reopen, e.g. owner dissatisfied, problem came back</translation>
        </message>
        <message>
            <source>重开原因(&amp;R)</source>
            <translation>&amp;Reason for reopening</translation>
        </message>
        <message>
            <source>作废</source>
            <translation>Void</translation>
        </message>
        <message>
            <source>为什么作废,如重复录入、录错房号</source>
            <translation>Why void it, e.g. entered twice, wrong room</translation>
        </message>
        <message>
            <source>作废原因(&amp;R)</source>
            <translation>Reason(&amp;R)</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>合并</source>
            <translation>Merge</translation>
        </message>
        <message>
            <source>重新定级</source>
            <translation>Re-grade</translation>
        </message>
        <message>
            <source>附上复函</source>
            <translation>Attach reply letter</translation>
        </message>
        <message>
            <source>附上</source>
            <translation>Attach</translation>
        </message>
        <message>
            <source>明确答复</source>
            <translation>Definite answer</translation>
        </message>
        <message>
            <source>已提交</source>
            <translation>Submitted</translation>
        </message>
        <message>
            <source>投诉内容</source>
            <translation>Complaint</translation>
        </message>
        <message>
            <source>原因</source>
            <translation>Cause</translation>
        </message>
        <message>
            <source>处理经过</source>
            <translation>Handling</translation>
        </message>
        <message>
            <source>处理结果</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>经验教训</source>
            <translation>Lessons learned</translation>
        </message>
        <message>
            <source>纠正预防措施</source>
            <translation>Corrective and preventive action</translation>
        </message>
        <message>
            <source>派工(&amp;D)</source>
            <translation>&amp;Dispatch</translation>
        </message>
        <message>
            <source>签收(&amp;S)</source>
            <translation>&amp;Sign for</translation>
        </message>
        <message>
            <source>进展/回复业主(&amp;N)</source>
            <translation>Progress / reply to ow&amp;ner</translation>
        </message>
        <message>
            <source>延期(&amp;E)</source>
            <translation>&amp;Extend</translation>
        </message>
        <message>
            <source>办结(&amp;R)</source>
            <translation>&amp;Resolve</translation>
        </message>
        <message>
            <source>关闭案件(&amp;C)</source>
            <translation>&amp;Close case</translation>
        </message>
        <message>
            <source>重开(&amp;O)</source>
            <translation>Re&amp;open</translation>
        </message>
        <message>
            <source>合并(&amp;M)</source>
            <translation>&amp;Merge</translation>
        </message>
        <message>
            <source>典型案例(&amp;T)</source>
            <translation>Typical case(&amp;T)</translation>
        </message>
        <message>
            <source>重新定级(&amp;G)</source>
            <translation>Re-&amp;grade</translation>
        </message>
        <message>
            <source>作废(&amp;V)</source>
            <translation>Void(&amp;V)</translation>
        </message>
        <message>
            <source>明确答复(&amp;A)</source>
            <translation>Definite &amp;answer</translation>
        </message>
        <message>
            <source>类型</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>经办人</source>
            <translation>Handled by</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>角色</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>负责楼栋</source>
            <translation>Buildings</translation>
        </message>
        <message>
            <source>登录名</source>
            <translation>Login</translation>
        </message>
        <message>
            <source>密码</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>临期</source>
            <translation>Due soon</translation>
        </message>
        <message>
            <source>超时</source>
            <translation>Late</translation>
        </message>
        <message>
            <source>编号</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>客户</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>首次回复</source>
            <translation>First reply</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>期限状态</source>
            <translation>Deadline</translation>
        </message>
        <message>
            <source>超期未交回</source>
            <translation>Out too long</translation>
        </message>
        <message>
            <source>全部</source>
            <translation>All</translation>
        </message>
        <message>
            <source>领用人</source>
            <translation>Taken by</translation>
        </message>
        <message>
            <source>领用时间</source>
            <translation>Taken at</translation>
        </message>
        <message>
            <source>已领用天数</source>
            <translation>Days out</translation>
        </message>
        <message>
            <source>回访事项</source>
            <translation>Visit</translation>
        </message>
        <message>
            <source>回访次数</source>
            <translation>Visit count</translation>
        </message>
        <message>
            <source>交回时间</source>
            <translation>Returned at</translation>
        </message>
        <message>
            <source>核对人</source>
            <translation>Checker</translation>
        </message>
        <message>
            <source>备注/作废原因</source>
            <translation>Note / void</translation>
        </message>
        <message>
            <source>满意度</source>
            <translation>Satisfaction</translation>
        </message>
        <message>
            <source>客户要求</source>
            <translation>Customer's request</translation>
        </message>
        <message>
            <source>性质</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>有效性</source>
            <translation>Validity</translation>
        </message>
        <message>
            <source>程度</source>
            <translation>Severity</translation>
        </message>
        <message>
            <source>类别</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>紧急程度</source>
            <translation>Urgency</translation>
        </message>
        <message>
            <source>细类</source>
            <translation>Sub-category</translation>
        </message>
        <message>
            <source>渠道</source>
            <translation>Channel</translation>
        </message>
        <message>
            <source>受理时间</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>责任部门</source>
            <translation>Responsible department</translation>
        </message>
        <message>
            <source>客户姓名</source>
            <translation>Customer name</translation>
        </message>
        <message>
            <source>联系电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>发生时间</source>
            <translation>Time of event</translation>
        </message>
        <message>
            <source>发生地点</source>
            <translation>Place of event</translation>
        </message>
        <message>
            <source>被投诉对象</source>
            <translation>Complained-about party</translation>
        </message>
        <message>
            <source>首次回复期限</source>
            <translation>First reply due</translation>
        </message>
        <message>
            <source>办结期限</source>
            <translation>Resolve by</translation>
        </message>
        <message>
            <source>答复期限</source>
            <translation>Answer due</translation>
        </message>
        <message>
            <source>首次回复时间</source>
            <translation>First replied at</translation>
        </message>
        <message>
            <source>办结时间</source>
            <translation>Resolved at</translation>
        </message>
        <message>
            <source>关闭时间</source>
            <translation>Closed at</translation>
        </message>
        <message>
            <source>并入</source>
            <translation>Merged into</translation>
        </message>
        <message>
            <source>作废原因</source>
            <translation>Void reason</translation>
        </message>
        <message>
            <source>典型案例</source>
            <translation>Typical case</translation>
        </message>
        <message>
            <source>典型案例说明</source>
            <translation>Typical case note</translation>
        </message>
        <message>
            <source>匿名</source>
            <translation>Anonymous</translation>
        </message>
        <message>
            <source>台账编号</source>
            <translation>Ledger no.</translation>
        </message>
        <message>
            <source>登记人</source>
            <translation>Registered by</translation>
        </message>
        <message>
            <source>身份证号</source>
            <translation>ID number</translation>
        </message>
        <message>
            <source>入住日期</source>
            <translation>Move-in date</translation>
        </message>
        <message>
            <source>备注</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>在用</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>锁定至</source>
            <translation>Locked until</translation>
        </message>
        <message>
            <source>回访方式</source>
            <translation>Visit method</translation>
        </message>
        <message>
            <source>回访人</source>
            <translation>Visitor</translation>
        </message>
        <message>
            <source>期限</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>回访内容</source>
            <translation>Visit findings</translation>
        </message>
        <message>
            <source>客户意见</source>
            <translation>Customer's opinion</translation>
        </message>
        <message>
            <source>不足之处</source>
            <translation>Shortcomings</translation>
        </message>
        <message>
            <source>完成时间</source>
            <translation>Completed at</translation>
        </message>
        <message>
            <source>密码连续输错次数</source>
            <translation>Failed logins in a row</translation>
        </message>
        <message>
            <source>建立时间</source>
            <translation>Created</translation>
        </message>
        <message>
            <source>排序</source>
            <translation>Order</translation>
        </message>
        <message>
            <source>单元</source>
            <translation>Units</translation>
        </message>
        <message>
            <source>指派给</source>
            <translation>Assigned to</translation>
        </message>
        <message>
            <source>派工说明</source>
            <translation>Instructions</translation>
        </message>
        <message>
            <source>派工时间</source>
            <translation>Dispatched at</translation>
        </message>
        <message>
            <source>签收时间</source>
            <translation>Signed for at</translation>
        </message>
        <message>
            <source>签收人</source>
            <translation>Signed for by</translation>
        </message>
        <message>
            <source>处理情况</source>
            <translation>Handling</translation>
        </message>
        <message>
            <source>原期限</source>
            <translation>Old deadline</translation>
        </message>
        <message>
            <source>新期限</source>
            <translation>New deadline</translation>
        </message>
        <message>
            <source>批准人</source>
            <translation>Approved by</translation>
        </message>
        <message>
            <source>批准人职务</source>
            <translation>Approver's position</translation>
        </message>
        <message>
            <source>原因分析</source>
            <translation>Cause</translation>
        </message>
        <message>
            <source>纠正和预防措施</source>
            <translation>Corrective and preventive action</translation>
        </message>
        <message>
            <source>提交时间</source>
            <translation>Submitted</translation>
        </message>
        <message>
            <source>提交人</source>
            <translation>Submitted by</translation>
        </message>
        <message>
            <source>定为重大的时间</source>
            <translation>Classed as major</translation>
        </message>
        <message>
            <source>取消时间</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <source>取消原因</source>
            <translation>Reason for cancelling</translation>
        </message>
        <message>
            <source>标题</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>正文</source>
            <translation>Body</translation>
        </message>
        <message>
            <source>发出时间</source>
            <translation>Issued</translation>
        </message>
        <message>
            <source>发出人</source>
            <translation>Issued by</translation>
        </message>
        <message>
            <source>回访事由</source>
            <translation>Purpose of visit</translation>
        </message>
        <message>
            <source>第几次回访</source>
            <translation>Visit no.</translation>
        </message>
        <message>
            <source>回访人姓名</source>
            <translation>Visitor's name</translation>
        </message>
        <message>
            <source>预约时间</source>
            <translation>Appointment</translation>
        </message>
        <message>
            <source>受访人</source>
            <translation>Person met</translation>
        </message>
        <message>
            <source>已现场查看</source>
            <translation>Site inspected</translation>
        </message>
        <message>
            <source>维修人员表现</source>
            <translation>Repair staff conduct</translation>
        </message>
        <message>
            <source>已核实收费</source>
            <translation>Charges checked</translation>
        </message>
        <message>
            <source>回访记录表编号</source>
            <translation>Visit record form number</translation>
        </message>
        <message>
            <source>抽中回访</source>
            <translation>Chosen for a visit</translation>
        </message>
        <message>
            <source>手工调整</source>
            <translation>Changed by hand</translation>
        </message>
        <message>
            <source>送达时间</source>
            <translation>Delivered</translation>
        </message>
        <message>
            <source>接收人</source>
            <translation>Received by</translation>
        </message>
        <message>
            <source>签名人身份</source>
            <translation>Signed as</translation>
        </message>
        <message>
            <source>告知业主的返工完成时间</source>
            <translation>Rework date told to the owner</translation>
        </message>
        <message>
            <source>告知业主时间</source>
            <translation>Owner told at</translation>
        </message>
        <message>
            <source>告知人</source>
            <translation>Told by</translation>
        </message>
        <message>
            <source>告知方式</source>
            <translation>Told by means of</translation>
        </message>
        <message>
            <source>由此案转来</source>
            <translation>Came from case</translation>
        </message>
        <message>
            <source>签名人</source>
            <translation>Signer</translation>
        </message>
        <message>
            <source>与业主关系</source>
            <translation>Relation to owner</translation>
        </message>
        <message>
            <source>签名板宽度</source>
            <translation>Pad width</translation>
        </message>
        <message>
            <source>签名板高度</source>
            <translation>Pad height</translation>
        </message>
        <message>
            <source>签名图片</source>
            <translation>Signature image</translation>
        </message>
        <message>
            <source>校验码</source>
            <translation>Checksum</translation>
        </message>
        <message>
            <source>审核级别</source>
            <translation>Review level</translation>
        </message>
        <message>
            <source>审核人</source>
            <translation>Reviewer</translation>
        </message>
        <message>
            <source>归档时间</source>
            <translation>Archived</translation>
        </message>
        <message>
            <source>归档人</source>
            <translation>Archived by</translation>
        </message>
        <message>
            <source>份数</source>
            <translation>Copies</translation>
        </message>
        <message>
            <source>销毁日期</source>
            <translation>Destroyed on</translation>
        </message>
        <message>
            <source>销毁人</source>
            <translation>Destroyed by</translation>
        </message>
        <message>
            <source>登记时间</source>
            <translation>Recorded</translation>
        </message>
        <message>
            <source>打印时间</source>
            <translation>Printed</translation>
        </message>
        <message>
            <source>打印人</source>
            <translation>Printed by</translation>
        </message>
        <message>
            <source>领用人姓名</source>
            <translation>Taker's name</translation>
        </message>
        <message>
            <source>打印作业心跳</source>
            <translation>Print job last alive</translation>
        </message>
        <message>
            <source>回访项目</source>
            <translation>Visit item</translation>
        </message>
        <message>
            <source>扫描件</source>
            <translation>Scan</translation>
        </message>
        <message>
            <source>扫描件文件名</source>
            <translation>Scan file name</translation>
        </message>
        <message>
            <source>作废时间</source>
            <translation>Voided</translation>
        </message>
        <message>
            <source>归档批次</source>
            <translation>Archive batch</translation>
        </message>
        <message>
            <source>销毁记录</source>
            <translation>Destruction record</translation>
        </message>
        <message>
            <source>期间</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>改进措施</source>
            <translation>Improvements</translation>
        </message>
        <message>
            <source>分析摘要</source>
            <translation>Analysis summary</translation>
        </message>
        <message>
            <source>报告文件</source>
            <translation>Report file</translation>
        </message>
        <message>
            <source>调休上班</source>
            <translation>Make-up workday</translation>
        </message>
        <message>
            <source>来源文件</source>
            <translation>Source file</translation>
        </message>
        <message>
            <source>来源页码</source>
            <translation>Source page</translation>
        </message>
        <message>
            <source>扫描图像</source>
            <translation>Scanned image</translation>
        </message>
        <message>
            <source>宽度(像素)</source>
            <translation>Width (px)</translation>
        </message>
        <message>
            <source>高度(像素)</source>
            <translation>Height (px)</translation>
        </message>
        <message>
            <source>对应方式</source>
            <translation>Matched by</translation>
        </message>
        <message>
            <source>导入时间</source>
            <translation>Imported</translation>
        </message>
        <message>
            <source>导入人</source>
            <translation>Imported by</translation>
        </message>
        <message>
            <source>业主要求的时间</source>
            <translation>Owner's requested date</translation>
        </message>
        <message>
            <source>复函</source>
            <translation>Reply letter</translation>
        </message>
        <message>
            <source>复函附上时间</source>
            <translation>Reply letter attached at</translation>
        </message>
        <message>
            <source>明确答复时间</source>
            <translation>Definite answer given at</translation>
        </message>
        <message>
            <source>答复人</source>
            <translation>Answered by</translation>
        </message>
        <message>
            <source>答复方式</source>
            <translation>Answered how</translation>
        </message>
        <message>
            <source>答复内容</source>
            <translation>Answer</translation>
        </message>
        <message>
            <source>编号前缀</source>
            <translation>Number prefix</translation>
        </message>
        <message>
            <source>各性质编号前缀</source>
            <translation>Number prefix by kind</translation>
        </message>
        <message>
            <source>首次回复时限</source>
            <translation>First response time limit</translation>
        </message>
        <message>
            <source>期限计法</source>
            <translation>Counting days</translation>
        </message>
        <message>
            <source>办结时限</source>
            <translation>Resolution time limit</translation>
        </message>
        <message>
            <source>重大投诉答复时限</source>
            <translation>Major complaint answer time limit</translation>
        </message>
        <message>
            <source>重大投诉报告时限</source>
            <translation>Major complaint report time limit</translation>
        </message>
        <message>
            <source>临期提醒</source>
            <translation>Due-soon reminder</translation>
        </message>
        <message>
            <source>重复投诉判断天数</source>
            <translation>Days for a repeat complaint</translation>
        </message>
        <message>
            <source>延期审批人</source>
            <translation>Extension approver</translation>
        </message>
        <message>
            <source>回访制度</source>
            <translation>Visit policy</translation>
        </message>
        <message>
            <source>登录安全</source>
            <translation>Login security</translation>
        </message>
        <message>
            <source>备份</source>
            <translation>Backup</translation>
        </message>
        <message>
            <source>重复投诉、报修的统计天数</source>
            <translation>Days within which complaints and repairs count as repeats</translation>
        </message>
        <message>
            <source>业主要求时间的用法</source>
            <translation>Use of the owner's requested date</translation>
        </message>
        <message>
            <source>转交开发商</source>
            <translation>To the developer</translation>
        </message>
        <message>
            <source>需先行处置</source>
            <translation>Contain first</translation>
        </message>
        <message>
            <source>先行处置期限</source>
            <translation>Contain by</translation>
        </message>
        <message>
            <source>先行处置时间</source>
            <translation>Contained at</translation>
        </message>
        <message>
            <source>先行处置人</source>
            <translation>Contained by</translation>
        </message>
        <message>
            <source>先行处置措施</source>
            <translation>Containment</translation>
        </message>
        <message>
            <source>批准方式</source>
            <translation>Confirmed by</translation>
        </message>
        <message>
            <source>先行处置时限(小时)</source>
            <translation>Containment deadline (hours)</translation>
        </message>
        <message>
            <source>业主损失较大</source>
            <translation>Large loss to the owner</translation>
        </message>
        <message>
            <source>第二回访人</source>
            <translation>Second visitor</translation>
        </message>
        <message>
            <source>第二回访人姓名</source>
            <translation>Second visitor's name</translation>
        </message>
        <message>
            <source>第二回访人角色</source>
            <translation>Second visitor's role</translation>
        </message>
        <message>
            <source>替换的案件</source>
            <translation>Case replaced</translation>
        </message>
        <message>
            <source>回访人员与各角色回访率</source>
            <translation>Visitors and each role's visit rate</translation>
        </message>
        <message>
            <source>闭水试验日期</source>
            <translation>Leak test date</translation>
        </message>
        <message>
            <source>合同开始日期</source>
            <translation>Contract start</translation>
        </message>
        <message>
            <source>合同结束日期</source>
            <translation>Contract end</translation>
        </message>
        <message>
            <source>举办日期</source>
            <translation>Held on</translation>
        </message>
        <message>
            <source>组织者</source>
            <translation>Organiser</translation>
        </message>
        <message>
            <source>抽取回访时间</source>
            <translation>Visits drawn at</translation>
        </message>
        <message>
            <source>社区活动</source>
            <translation>Community activities</translation>
        </message>
        <message>
            <source>社区活动回访率</source>
            <translation>Community activity visit rate</translation>
        </message>
        <message>
            <source>社区活动回访天数</source>
            <translation>Community activity visit days</translation>
        </message>
        <message>
            <source>部门名称</source>
            <translation>Department name</translation>
        </message>
        <message>
            <source>所属部门</source>
            <translation>Department</translation>
        </message>
        <message>
            <source>在职</source>
            <translation>Employed</translation>
        </message>
        <message>
            <source>在住</source>
            <translation>Living here</translation>
        </message>
        <message>
            <source>联系单号</source>
            <translation>Work order no.</translation>
        </message>
        <message>
            <source>派往部门</source>
            <translation>Sent to</translation>
        </message>
        <message>
            <source>要求完成</source>
            <translation>Complete by</translation>
        </message>
        <message>
            <source>回访期限</source>
            <translation>Visit by</translation>
        </message>
        <message>
            <source>应由谁回访</source>
            <translation>To be visited by</translation>
        </message>
        <message>
            <source>回访状态</source>
            <translation>Visit status</translation>
        </message>
        <message>
            <source>回访时间</source>
            <translation>Visit time</translation>
        </message>
        <message>
            <source>安排时间</source>
            <translation>Planned on</translation>
        </message>
        <message>
            <source>抽样说明</source>
            <translation>Sampling note</translation>
        </message>
        <message>
            <source>延期原因</source>
            <translation>Reason for extension</translation>
        </message>
        <message>
            <source>批准时间</source>
            <translation>Approved</translation>
        </message>
        <message>
            <source>报告期限</source>
            <translation>Report due</translation>
        </message>
        <message>
            <source>返工部门</source>
            <translation>Rework by</translation>
        </message>
        <message>
            <source>返工期限</source>
            <translation>Rework due</translation>
        </message>
        <message>
            <source>不满意的回访</source>
            <translation>Dissatisfied visits</translation>
        </message>
        <message>
            <source>审核意见</source>
            <translation>Review comments</translation>
        </message>
        <message>
            <source>审核时间</source>
            <translation>Reviewed</translation>
        </message>
        <message>
            <source>表单状态</source>
            <translation>Form status</translation>
        </message>
        <message>
            <source>节日</source>
            <translation>Holiday</translation>
        </message>
        <message>
            <source>发布时间</source>
            <translation>Published</translation>
        </message>
        <message>
            <source>发布人</source>
            <translation>Published by</translation>
        </message>
        <message>
            <source>归档季度</source>
            <translation>Filed for</translation>
        </message>
        <message>
            <source>所属调查</source>
            <translation>Survey</translation>
        </message>
        <message>
            <source>调查项目</source>
            <translation>Subject</translation>
        </message>
        <message>
            <source>纠正措施</source>
            <translation>Corrective actions</translation>
        </message>
        <message>
            <source>责任人</source>
            <translation>Responsible</translation>
        </message>
        <message>
            <source>调查表</source>
            <translation>Questionnaire</translation>
        </message>
        <message>
            <source>页码</source>
            <translation>Page</translation>
        </message>
        <message>
            <source>读取状态</source>
            <translation>Reading state</translation>
        </message>
        <message>
            <source>抽中原因</source>
            <translation>Why chosen</translation>
        </message>
        <message>
            <source>录入人</source>
            <translation>Entered by</translation>
        </message>
        <message>
            <source>开始日期</source>
            <translation>Start</translation>
        </message>
        <message>
            <source>结束日期</source>
            <translation>End</translation>
        </message>
        <message>
            <source>抽样比例</source>
            <translation>Sample rate</translation>
        </message>
        <message>
            <source>抽样户数</source>
            <translation>Sample size</translation>
        </message>
        <message>
            <source>优先抽取的意见户数</source>
            <translation>Households with most complaints included</translation>
        </message>
        <message>
            <source>调查组长</source>
            <translation>Survey leader</translation>
        </message>
        <message>
            <source>调查人员</source>
            <translation>Surveyors</translation>
        </message>
        <message>
            <source>回收率目标</source>
            <translation>Return target</translation>
        </message>
        <message>
            <source>注意事项</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>告知业主</source>
            <translation>Notice to owners</translation>
        </message>
        <message>
            <source>调查表内容</source>
            <translation>Questionnaire</translation>
        </message>
        <message>
            <source>上次调查</source>
            <translation>Previous survey</translation>
        </message>
        <message>
            <source>所属案件</source>
            <translation>Case</translation>
        </message>
        <message>
            <source>联系函编号</source>
            <translation>Letter no.</translation>
        </message>
        <message>
            <source>收函单位</source>
            <translation>Addressed to</translation>
        </message>
        <message>
            <source>联系事项</source>
            <translation>What we ask</translation>
        </message>
        <message>
            <source>制函时间</source>
            <translation>Letter made</translation>
        </message>
        <message>
            <source>制函人</source>
            <translation>Made by</translation>
        </message>
        <message>
            <source>发出经办人</source>
            <translation>Sent by</translation>
        </message>
        <message>
            <source>发出方式</source>
            <translation>Sent by means of</translation>
        </message>
        <message>
            <source>开发商回复时间</source>
            <translation>Developer replied</translation>
        </message>
        <message>
            <source>开发商回复</source>
            <translation>Developer's reply</translation>
        </message>
        <message>
            <source>结束时间</source>
            <translation>Closed</translation>
        </message>
        <message>
            <source>结束说明</source>
            <translation>Why closed</translation>
        </message>
        <message>
            <source>工作联系函</source>
            <translation>Letter to the developer</translation>
        </message>
        <message>
            <source>跟进时间</source>
            <translation>Followed up</translation>
        </message>
        <message>
            <source>跟进人</source>
            <translation>Followed up by</translation>
        </message>
        <message>
            <source>跟进情况</source>
            <translation>Follow-up</translation>
        </message>
        <message>
            <source>下次跟进</source>
            <translation>Next follow-up</translation>
        </message>
        <message>
            <source>活动名称</source>
            <translation>Activity name</translation>
        </message>
        <message>
            <source>活动类型</source>
            <translation>Activity type</translation>
        </message>
        <message>
            <source>变更</source>
            <translation>Change</translation>
        </message>
        <message>
            <source>导入案件台账</source>
            <translation>Import case ledger</translation>
        </message>
        <message>
            <source>导入业主名册</source>
            <translation>Import owner register</translation>
        </message>
        <message>
            <source>导出案件台账</source>
            <translation>Export case ledger</translation>
        </message>
        <message>
            <source>不导入</source>
            <translation>Do not import</translation>
        </message>
        <message>
            <source>受理时刻</source>
            <translation>Time received</translation>
        </message>
        <message>
            <source>房屋</source>
            <translation>Room (one cell)</translation>
        </message>
        <message>
            <source>回访意见</source>
            <translation>Owner's comments</translation>
        </message>
        <message>
            <source>案件号</source>
            <translation>Case number</translation>
        </message>
        <message>
            <source>事发时间</source>
            <translation>Time of event</translation>
        </message>
        <message>
            <source>事发地点</source>
            <translation>Place of event</translation>
        </message>
        <message>
            <source>被投诉方</source>
            <translation>Party complained about</translation>
        </message>
        <message>
            <source>转自</source>
            <translation>Linked from</translation>
        </message>
        <message>
            <source>回复期限</source>
            <translation>Reply due</translation>
        </message>
        <message>
            <source>抽样季度</source>
            <translation>Sample quarter</translation>
        </message>
        <message>
            <source>工作台</source>
            <translation>Dashboard</translation>
        </message>
        <message>
            <source>受理登记</source>
            <translation>Intake</translation>
        </message>
        <message>
            <source>回访日历</source>
            <translation>Visit calendar</translation>
        </message>
        <message>
            <source>回访计划</source>
            <translation>Visit plan</translation>
        </message>
        <message>
            <source>跟进事项</source>
            <translation>Follow-ups</translation>
        </message>
        <message>
            <source>表单台账</source>
            <translation>Form ledger</translation>
        </message>
        <message>
            <source>夜间值班</source>
            <translation>Night duty</translation>
        </message>
        <message>
            <source>统计报表</source>
            <translation>Statistics</translation>
        </message>
        <message>
            <source>满意度调查</source>
            <translation>Surveys</translation>
        </message>
        <message>
            <source>业主档案</source>
            <translation>Owner files</translation>
        </message>
        <message>
            <source>审计记录</source>
            <translation>Audit log</translation>
        </message>
        <message>
            <source>备份恢复</source>
            <translation>Backup</translation>
        </message>
        <message>
            <source>来电人</source>
            <translation>Caller</translation>
        </message>
        <message>
            <source>电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>已采取措施</source>
            <translation>Action taken</translation>
        </message>
        <message>
            <source>记录人</source>
            <translation>Recorded by</translation>
        </message>
        <message>
            <source>案件编号</source>
            <translation>Case no.</translation>
        </message>
        <message>
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>星期</source>
            <translation>Weekday</translation>
        </message>
        <message>
            <source>名称</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>月</source>
            <translation>Month</translation>
        </message>
        <message>
            <source>季度</source>
            <translation>Quarter</translation>
        </message>
        <message>
            <source>年</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>自定义</source>
            <translation>Custom</translation>
        </message>
        <message>
            <source>处理宗数</source>
            <translation>Handled</translation>
        </message>
        <message>
            <source>只要求书面答复</source>
            <translation>Written reply only</translation>
        </message>
        <message>
            <source>联系不上/拒访</source>
            <translation>Unreachable / refused</translation>
        </message>
        <message>
            <source>未到期</source>
            <translation>Not due</translation>
        </message>
        <message>
            <source>已取消回访</source>
            <translation>Visit cancelled</translation>
        </message>
        <message>
            <source>应回访</source>
            <translation>Visit due</translation>
        </message>
        <message>
            <source>回访宗数</source>
            <translation>Visited</translation>
        </message>
        <message>
            <source>回访率</source>
            <translation>Visit rate</translation>
        </message>
        <message>
            <source>目标</source>
            <translation>Target</translation>
        </message>
        <message>
            <source>达标</source>
            <translation>Met</translation>
        </message>
        <message>
            <source>上期回访率</source>
            <translation>Visit rate (prev.)</translation>
        </message>
        <message>
            <source>较上期</source>
            <translation>Change</translation>
        </message>
        <message>
            <source>评价</source>
            <translation>Rating</translation>
        </message>
        <message>
            <source>本期次数</source>
            <translation>Count</translation>
        </message>
        <message>
            <source>本期占比</source>
            <translation>Share</translation>
        </message>
        <message>
            <source>上期次数</source>
            <translation>Count (prev.)</translation>
        </message>
        <message>
            <source>上期占比</source>
            <translation>Share (prev.)</translation>
        </message>
        <message>
            <source>第几次</source>
            <translation>Attempt</translation>
        </message>
        <message>
            <source>本期</source>
            <translation>This period</translation>
        </message>
        <message>
            <source>上期</source>
            <translation>Previous</translation>
        </message>
        <message>
            <source>完成率</source>
            <translation>Done rate</translation>
        </message>
        <message>
            <source>楼栋</source>
            <translation>Building</translation>
        </message>
        <message>
            <source>指标</source>
            <translation>Measure</translation>
        </message>
        <message>
            <source>本期受理</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>上期受理</source>
            <translation>Received (prev.)</translation>
        </message>
        <message>
            <source>不合格项</source>
            <translation>Nonconformity</translation>
        </message>
        <message>
            <source>类别 / 评价</source>
            <translation>Category / rating</translation>
        </message>
        <message>
            <source>岗位</source>
            <translation>Post</translation>
        </message>
        <message>
            <source>计划</source>
            <translation>Planned</translation>
        </message>
        <message>
            <source>完成</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>制度称谓</source>
            <translation>Title in the rules</translation>
        </message>
        <message>
            <source>参与回访</source>
            <translation>Visited</translation>
        </message>
        <message>
            <source>基数</source>
            <translation>Base</translation>
        </message>
        <message>
            <source>结论</source>
            <translation>Verdict</translation>
        </message>
        <message>
            <source>已回访次数</source>
            <translation>Visits made</translation>
        </message>
        <message>
            <source>其中两人同访</source>
            <translation>Of which by two</translation>
        </message>
        <message>
            <source>回访案件</source>
            <translation>Cases visited</translation>
        </message>
        <message>
            <source>本角色回访率</source>
            <translation>Role's visit rate</translation>
        </message>
        <message>
            <source>逾期</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <source>不满意</source>
            <translation>Dissatisfied</translation>
        </message>
        <message>
            <source>上期完成</source>
            <translation>Done (prev.)</translation>
        </message>
        <message>
            <source>上期逾期</source>
            <translation>Overdue (prev.)</translation>
        </message>
        <message>
            <source>经过</source>
            <translation>Course</translation>
        </message>
        <message>
            <source>已附加</source>
            <translation>Attached</translation>
        </message>
        <message>
            <source>已附加并交回</source>
            <translation>Attached and returned</translation>
        </message>
        <message>
            <source>重复页</source>
            <translation>Duplicate page</translation>
        </message>
        <message>
            <source>已拒绝</source>
            <translation>Refused</translation>
        </message>
        <message>
            <source>待手工匹配</source>
            <translation>To match by hand</translation>
        </message>
        <message>
            <source>空白页</source>
            <translation>Blank page</translation>
        </message>
        <message>
            <source>无法读取</source>
            <translation>Unreadable</translation>
        </message>
        <message>
            <source>扫描件 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;所有文件 (*)</source>
            <translation>Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;All files (*)</translation>
        </message>
        <message>
            <source>页</source>
            <translation>Page</translation>
        </message>
        <message>
            <source>结果</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>表单编号</source>
            <translation>Form number</translation>
        </message>
        <message>
            <source>说明</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>应访日</source>
            <translation>Visit due</translation>
        </message>
        <message>
            <source>案件/类型</source>
            <translation>Case / type</translation>
        </message>
        <message>
            <source>次</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>房号 · 业主 · 事由 · 回访人</source>
            <translation>Room · owner · matter · visitor</translation>
        </message>
        <message>
            <source>安排原因</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>到期</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>案件 / 类型</source>
            <translation>Case / type</translation>
        </message>
        <message>
            <source>性质·程度</source>
            <translation>Kind · severity</translation>
        </message>
        <message>
            <source>回访人角色</source>
            <translation>Visitor role</translation>
        </message>
        <message>
            <source>次数</source>
            <translation>Attempts</translation>
        </message>
        <message>
            <source>抽中</source>
            <translation>Sampled</translation>
        </message>
        <message>
            <source>替换</source>
            <translation>Replaces</translation>
        </message>
        <message>
            <source>草稿(待批准)</source>
            <translation>Draft (awaiting approval)</translation>
        </message>
        <message>
            <source>进行中</source>
            <translation>Running</translation>
        </message>
        <message>
            <source>待发出</source>
            <translation>Not sent yet</translation>
        </message>
        <message>
            <source>待回复</source>
            <translation>Awaiting reply</translation>
        </message>
        <message>
            <source>逾期未回复</source>
            <translation>Reply overdue</translation>
        </message>
        <message>
            <source>已回复</source>
            <translation>Replied</translation>
        </message>
        <message>
            <source>已结束</source>
            <translation>Finished</translation>
        </message>
        <message>
            <source>抽样调查</source>
            <translation>Sample survey</translation>
        </message>
        <message>
            <source>全面普查</source>
            <translation>Census</translation>
        </message>
        <message>
            <source>调查名称</source>
            <translation>Survey name</translation>
        </message>
        <message>
            <source>方式</source>
            <translation>Method</translation>
        </message>
        <message>
            <source>回收</source>
            <translation>Returned</translation>
        </message>
        <message>
            <source>待核对</source>
            <translation>To check</translation>
        </message>
        <message>
            <source>决定人</source>
            <translation>Decided by</translation>
        </message>
        <message>
            <source>决定时间</source>
            <translation>Decided at</translation>
        </message>
        <message>
            <source>办结后</source>
            <translation>After resolving</translation>
        </message>
        <message>
            <source>计日方式</source>
            <translation>Day count</translation>
        </message>
        <message>
            <source>回访人({0})</source>
            <translation>Visitor ({0})</translation>
        </message>
        <message>
            <source>允许的回访方式</source>
            <translation>Allowed visit methods</translation>
        </message>
        <message>
            <source>上门须签名</source>
            <translation>Home visit needs signature</translation>
        </message>
        <message>
            <source>细则名称</source>
            <translation>Rule name</translation>
        </message>
        <message>
            <source>适用类别(、分隔)</source>
            <translation>Categories (separate with 、)</translation>
        </message>
        <message>
            <source>适用细类(、分隔)</source>
            <translation>Sub-categories (separate with 、)</translation>
        </message>
        <message>
            <source>回访率%(空=按本类)</source>
            <translation>Rate % (empty = the kind's)</translation>
        </message>
        <message>
            <source>起算</source>
            <translation>Counted from</translation>
        </message>
        <message>
            <source>回访天数</source>
            <translation>Visit within (days)</translation>
        </message>
        <message>
            <source>送达期限</source>
            <translation>Deliver by</translation>
        </message>
        <message>
            <source>通知内容</source>
            <translation>Notice</translation>
        </message>
        <message>
            <source>约定答复日期</source>
            <translation>Promised answer date</translation>
        </message>
        <message>
            <source>待答复问题</source>
            <translation>Open question</translation>
        </message>
        <message>
            <source>未指定</source>
            <translation>Not assigned</translation>
        </message>
        <message>
            <source>客服员、主任、经理</source>
            <translation>clerks, the director and managers</translation>
        </message>
        <message>
            <source>客服主任、管理处经理</source>
            <translation>the customer service director and the office manager</translation>
        </message>
        <message>
            <source>租户</source>
            <translation>Tenant</translation>
        </message>
        <message>
            <source>商户</source>
            <translation>Shop</translation>
        </message>
        <message>
            <source>调查</source>
            <translation>Survey</translation>
        </message>
        <message>
            <source>措施</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>先行处置</source>
            <translation>Contain first</translation>
        </message>
        <message>
            <source>记录先行处置</source>
            <translation>Record containment</translation>
        </message>
        <message>
            <source>短信</source>
            <translation>Text message</translation>
        </message>
        <message>
            <source>上门</source>
            <translation>In person</translation>
        </message>
        <message>
            <source>书面通知</source>
            <translation>Written notice</translation>
        </message>
        <message>
            <source>告知业主返工时间</source>
            <translation>Tell owner: rework date</translation>
        </message>
        <message>
            <source>记录已告知</source>
            <translation>Record as told</translation>
        </message>
        <message>
            <source>待闭水试验</source>
            <translation>Waiting for the leak test</translation>
        </message>
        <message>
            <source>待录入合同日期</source>
            <translation>Waiting for the contract dates</translation>
        </message>
        <message>
            <source>本人登录</source>
            <translation>own login</translation>
        </message>
        <message>
            <source>本机输入密码</source>
            <translation>password here</translation>
        </message>
        <message>
            <source>第 {0} / {1} 行</source>
            <translation>Row {0} of {1}</translation>
        </message>
        <message>
            <source>第 {0} / {1} 页</source>
            <translation>Page {0} of {1}</translation>
        </message>
        <message>
            <source>第 {0} / {1} 份</source>
            <translation>Form {0} of {1}</translation>
        </message>
        <message>
            <source>第 {0} / {1} 步</source>
            <translation>Step {0} of {1}</translation>
        </message>
        <message>
            <source>第 {0} / {1} 个文件</source>
            <translation>File {0} of {1}</translation>
        </message>
    </context>
    <context>
        <name>ActionDialog</name>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>确定</source>
            <translation>OK</translation>
        </message>
    </context>
    <context>
        <name>ActionsDialog</name>
        <message>
            <source>纠正措施</source>
            <translation>Corrective actions</translation>
        </message>
        <message>
            <source>做了什么、效果如何,回车登记完成</source>
            <translation>What was done and how it worked; Enter records it as done</translation>
        </message>
        <message>
            <source>登记完成</source>
            <translation>Record as done</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>处于四分图修补区的项目(重要但不满意)列为纠正措施,完成后登记结果。</source>
            <translation>Subjects in the quadrant chart's "fix" zone (important but unsatisfying) become corrective actions; record the result when done.</translation>
        </message>
        <message>
            <source>(已逾期)</source>
            <translation> (overdue)</translation>
        </message>
        <message>
            <source>没有未完成的纠正措施。</source>
            <translation>No corrective action is open.</translation>
        </message>
    </context>
    <context>
        <name>ActivityTab</name>
        <message>
            <source>名称</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>类型</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>举办/发行日期</source>
            <translation>Held / issued on</translation>
        </message>
        <message>
            <source>组织者</source>
            <translation>Organiser</translation>
        </message>
        <message>
            <source>参与户</source>
            <translation>Households</translation>
        </message>
        <message>
            <source>抽中</source>
            <translation>Sampled</translation>
        </message>
        <message>
            <source>已回访</source>
            <translation>Visited</translation>
        </message>
        <message>
            <source>回访期限</source>
            <translation>Visit by</translation>
        </message>
        <message>
            <source>房号</source>
            <translation>Room</translation>
        </message>
        <message>
            <source>抽中回访</source>
            <translation>Chosen for a visit</translation>
        </message>
        <message>
            <source>说明</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>登记活动…</source>
            <translation>New activity…</translation>
        </message>
        <message>
            <source>抽取回访(活动已举办)</source>
            <translation>Draw the visits (activity held)</translation>
        </message>
        <message>
            <source>只有社区文化文员和主管可以登记活动</source>
            <translation>Only the community-culture clerk and the managers enter activities</translation>
        </message>
        <message>
            <source>参与房号与抽样</source>
            <translation>Participant rooms and the draw</translation>
        </message>
        <message>
            <source>活动、刊物结束后 {0} 天内回访参与户的 {1}%,由社区文化文员回访;随机抽取,每户的抽样说明可查。</source>
            <translation>Within {0} days after an activity or publication, {1}% of the participating households are visited by the community-culture clerk; drawn at random, each household's draw is explained.</translation>
        </message>
        <message>
            <source>未抽取</source>
            <translation>Not drawn</translation>
        </message>
        <message>
            <source>未抽中</source>
            <translation>Not drawn for a visit</translation>
        </message>
        <message>
            <source>活动已登记。举办后选中它,点“抽取回访”。</source>
            <translation>The activity is entered. Once it was held, select it and click "Draw the visits".</translation>
        </message>
        <message>
            <source>请先在表中选一项活动。</source>
            <translation>Select an activity in the table first.</translation>
        </message>
        <message>
            <source>；</source>
            <translation>; </translation>
        </message>
        <message>
            <source>已抽取 {0} 户回访,{1} 前由社区文化文员回访。</source>
            <translation>{0} households drawn; the community-culture clerk visits them by {1}.</translation>
        </message>
    </context>
    <context>
        <name>ArchiveDialog</name>
        <message>
            <source>季度归档</source>
            <translation>Quarterly filing</translation>
        </message>
        <message>
            <source>记为已归档</source>
            <translation>Mark as filed</translation>
        </message>
        <message>
            <source>编号</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>交回/作废日期</source>
            <translation>Returned/voided on</translation>
        </message>
        <message>
            <source>领用人</source>
            <translation>Taken by</translation>
        </message>
        <message>
            <source>回访事项</source>
            <translation>Visit</translation>
        </message>
        <message>
            <source>如 档案盒编号、存放位置</source>
            <translation>e.g. file box number, where it is kept</translation>
        </message>
        <message>
            <source>季度</source>
            <translation>Quarter</translation>
        </message>
        <message>
            <source>备注</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>{0}年第{1}季度</source>
            <translation>Q{1} {0}</translation>
        </message>
        <message>
            <source>{0}还没有结束:{1} 起才能归档,须在 {2} 前完成。</source>
            <translation>{0} has not ended yet: filing can start on {1} and must be done by {2}.</translation>
        </message>
        <message>
            <source>&lt;b style='color:{0}'&gt;{1}的 {2} 份表单应在 {3} 前归档,已逾期。&lt;/b&gt;请装盒后记为已归档。</source>
            <translation>&lt;b style='color:{0}'&gt;{1}: {2} forms were due to be filed by {3} and are late.&lt;/b&gt; Put them in the file box, then mark them filed.</translation>
        </message>
        <message>
            <source>{0}的 {1} 份表单(交回或作废)待归档,须在 {2} 前完成。</source>
            <translation>{0}: {1} forms (returned or voided) to file, by {2}.</translation>
        </message>
        <message>
            <source>{0}没有待归档的表单。</source>
            <translation>{0}: no forms to file.</translation>
        </message>
        <message>
            <source> 等</source>
            <translation> and more</translation>
        </message>
        <message>
            <source>尚未交回 {0} 份:{1}{2}。不影响本次归档;交回或作废后随那个季度归档。</source>
            <translation>{0} not back yet: {1}{2}. They do not hold this filing back; they are filed with the quarter they are returned or voided in.</translation>
        </message>
        <message>
            <source>本季度打印的表单都已交回或作废。</source>
            <translation>Every form printed by the end of this quarter is returned or voided.</translation>
        </message>
        <message>
            <source>已归档:{0} {1},{2} 份 {3}</source>
            <translation>Filed: {0} by {1}, {2} forms {3}</translation>
        </message>
    </context>
    <context>
        <name>AttemptsSection</name>
        <message>
            <source>联系记录</source>
            <translation>Contacts</translation>
        </message>
        <message>
            <source>时间</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>结果</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>约定回电</source>
            <translation>Call back at</translation>
        </message>
        <message>
            <source>记录人</source>
            <translation>Recorded by</translation>
        </message>
        <message>
            <source>备注</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>还没有联系记录。联系不上、约定回电或客户拒绝时在这里登记。</source>
            <translation>No contacts yet. Record here when the customer cannot be reached, asks to be called back or refuses.</translation>
        </message>
        <message>
            <source>没有联系记录。</source>
            <translation>No contacts.</translation>
        </message>
        <message>
            <source>备注,如 拨打两次无人接</source>
            <translation>Note, e.g. called twice, no answer</translation>
        </message>
        <message>
            <source>回电时间</source>
            <translation>Call-back time</translation>
        </message>
        <message>
            <source>不再联系,结束本次回访</source>
            <translation>Stop trying, end this visit</translation>
        </message>
        <message>
            <source>登记联系</source>
            <translation>Record contact</translation>
        </message>
        <message>
            <source>(勾选后本次回访记为“未联系上”,客户拒绝的记为“拒访”)</source>
            <translation>(when ticked this visit is recorded as "not reached", or "refused" when the customer refused)</translation>
        </message>
    </context>
    <context>
        <name>AuditWindow</name>
        <message>
            <source>审计记录</source>
            <translation>Audit log</translation>
        </message>
        <message>
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>内容包含…</source>
            <translation>Content contains…</translation>
        </message>
        <message>
            <source>查询</source>
            <translation>Search</translation>
        </message>
        <message>
            <source>对象</source>
            <translation>Object</translation>
        </message>
        <message>
            <source>操作</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>人员</source>
            <translation>Staff</translation>
        </message>
        <message>
            <source>至</source>
            <translation>to</translation>
        </message>
        <message>
            <source>上一页</source>
            <translation>Previous page</translation>
        </message>
        <message>
            <source>下一页</source>
            <translation>Next page</translation>
        </message>
        <message>
            <source>校验审计链</source>
            <translation>Verify audit chain</translation>
        </message>
        <message>
            <source>逐条核对审计记录的哈希链,发现被改动、删除或插入的记录</source>
            <translation>Check the hash chain of the audit log record by record; finds changed, deleted or inserted records</translation>
        </message>
        <message>
            <source>完整校验</source>
            <translation>Full check</translation>
        </message>
        <message>
            <source>从第一条起逐条核对全部审计记录(校验审计链只核对上次核对完好之后新增的记录)</source>
            <translation>Check every audit record from the first one (Check audit chain only checks the records added since the last check found the chain intact)</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>停止校验审计链(已核对的部分不给结论)</source>
            <translation>Stop verifying the audit chain (the part already checked gives no verdict)</translation>
        </message>
        <message>
            <source>导出…</source>
            <translation>Export…</translation>
        </message>
        <message>
            <source>把当前筛选出的全部记录导出为 Excel</source>
            <translation>Export all records matching the current filter to Excel</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>每一次修改、每一次查看业主资料都记在这里,按时间倒序;橙色行为查看个人资料的记录。</source>
            <translation>Every change and every look at an owner's personal data is recorded here, newest first; orange rows are views of personal data.</translation>
        </message>
        <message>
            <source>全部</source>
            <translation>All</translation>
        </message>
        <message>
            <source>第 {0} 页(第 {1}–{2} 条)</source>
            <translation>Page {0} (records {1}–{2})</translation>
        </message>
        <message>
            <source>正在校验…</source>
            <translation>Verifying…</translation>
        </message>
        <message>
            <source>正在停止…</source>
            <translation>Stopping…</translation>
        </message>
        <message>
            <source>已核对 {0} / {1} 条</source>
            <translation>Checked {0} / {1} records</translation>
        </message>
        <message>
            <source>已取消校验:核对了 {0} / {1} 条后停止,没有得出结论。</source>
            <translation>Verification cancelled: stopped after {0} / {1} records, no verdict.</translation>
        </message>
        <message>
            <source>&lt;br&gt;……另有 {0} 处</source>
            <translation>&lt;br&gt;…and {0} more</translation>
        </message>
        <message>
            <source>&lt;b&gt;审计链有 {0} 处问题:&lt;/b&gt;&lt;br&gt;{1}{2}</source>
            <translation>&lt;b&gt;The audit chain has {0} problems:&lt;/b&gt;&lt;br&gt;{1}{2}</translation>
        </message>
        <message>
            <source>审计链完好:上次核对({0})完好的 {1} 条之后没有新增记录。要从第一条起重新核对,请按“完整校验”。</source>
            <translation>Audit chain intact: no records were added after the {1} found intact at the last check ({0}). To check again from the first record, press “Full check”.</translation>
        </message>
        <message>
            <source>审计链完好:上次核对({0})完好的 {1} 条之后,新增的 {2} 条逐条核对无误。要从第一条起重新核对,请按“完整校验”。</source>
            <translation>Audit chain intact: after the {1} records found intact at the last check ({0}), the {2} new records were checked one by one. To check again from the first record, press “Full check”.</translation>
        </message>
        <message>
            <source>审计链完好,从第一条起共 {0} 条逐条核对无误。</source>
            <translation>Audit chain intact: all {0} records checked one by one from the first.</translation>
        </message>
        <message>
            <source>没能校验审计链:{0}</source>
            <translation>Could not verify the audit chain: {0}</translation>
        </message>
        <message>
            <source>导出审计记录</source>
            <translation>Export audit log</translation>
        </message>
        <message>
            <source>审计记录.xlsx</source>
            <translation>Audit log.xlsx</translation>
        </message>
        <message>
            <source>正在导出…</source>
            <translation>Exporting…</translation>
        </message>
        <message>
            <source>已导出 {0} 条记录到 {1}</source>
            <translation>Exported {0} records to {1}</translation>
        </message>
    </context>
    <context>
        <name>BackupPage</name>
        <message>
            <source>选择文件夹…</source>
            <translation>Choose folder…</translation>
        </message>
        <message>
            <source>用默认文件夹</source>
            <translation>Use default folder</translation>
        </message>
        <message>
            <source>数据文件夹中的 backups 子文件夹</source>
            <translation>The backups subfolder of the data folder</translation>
        </message>
        <message>
            <source>建议选 U 盘或另一台电脑的共享文件夹:电脑硬盘坏了,备份还在。</source>
            <translation>Choose a USB drive or a shared folder on another computer: if this computer's disk fails, the backups survive.</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>每天保留最近</source>
            <translation>Keep daily backups for</translation>
        </message>
        <message>
            <source>每周保留最近</source>
            <translation>Keep weekly backups for</translation>
        </message>
        <message>
            <source>每月保留最近</source>
            <translation>Keep monthly backups for</translation>
        </message>
        <message>
            <source>备份位置与保留</source>
            <translation>Backup location and retention</translation>
        </message>
        <message>
            <source>备份文件夹</source>
            <translation>Backup folder</translation>
        </message>
        <message>
            <source>轮换保留</source>
            <translation>Rotation</translation>
        </message>
        <message>
            <source>立即备份</source>
            <translation>Back up now</translation>
        </message>
        <message>
            <source>正在备份…</source>
            <translation>Backing up…</translation>
        </message>
        <message>
            <source>备份状态</source>
            <translation>Backup status</translation>
        </message>
        <message>
            <source>最近成功备份</source>
            <translation>Last successful backup</translation>
        </message>
        <message>
            <source>上次结果</source>
            <translation>Last result</translation>
        </message>
        <message>
            <source>校验所选</source>
            <translation>Verify selected</translation>
        </message>
        <message>
            <source>全部校验</source>
            <translation>Verify all</translation>
        </message>
        <message>
            <source>从此备份恢复…</source>
            <translation>Restore from this backup…</translation>
        </message>
        <message>
            <source>刷新</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <source>恢复需要先关闭程序:运行中的程序不能安全地替换自己正在使用的数据文件。恢复时当前数据文件会另存一份,不会被覆盖。</source>
            <translation>Restoring needs the program closed first: a running program cannot safely replace the data file it is using. The current data file is saved aside when restoring, never overwritten.</translation>
        </message>
        <message>
            <source>备份文件夹中的备份</source>
            <translation>Backups in the backup folder</translation>
        </message>
        <message>
            <source>备份与恢复</source>
            <translation>Backup and restore</translation>
        </message>
        <message>
            <source>默认:数据文件夹中的 backups</source>
            <translation>Default: backups in the data folder</translation>
        </message>
        <message>
            <source>选择备份文件夹</source>
            <translation>Choose backup folder</translation>
        </message>
        <message>
            <source>备份文件夹已改为 {0}</source>
            <translation>Backup folder changed to {0}</translation>
        </message>
        <message>
            <source>保留份数已保存,下次备份时按此轮换。</source>
            <translation>Retention saved; the next backup rotates by it.</translation>
        </message>
        <message>
            <source>还没有</source>
            <translation>Not yet</translation>
        </message>
        <message>
            <source>(无)</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>✗ 数据未通过检查(只作留底,不能用于恢复)</source>
            <translation>✗ The data failed the check (kept for the record only, cannot be restored)</translation>
        </message>
        <message>
            <source>未校验</source>
            <translation>Not verified</translation>
        </message>
        <message>
            <source>✗ 已损坏:{0}</source>
            <translation>✗ Damaged: {0}</translation>
        </message>
        <message>
            <source>✗ 不能用于恢复:{0}</source>
            <translation>✗ Cannot be restored: {0}</translation>
        </message>
        <message>
            <source>✓ 完好</source>
            <translation>✓ Intact</translation>
        </message>
        <message>
            <source>正在校验 {0}…</source>
            <translation>Checking {0}…</translation>
        </message>
        <message>
            <source>已校验 {0} 份备份,{1} 份有问题。</source>
            <translation>Checked {0} backup(s); {1} with problems.</translation>
        </message>
        <message>
            <source>(已取消,其余 {0} 份没有校验)</source>
            <translation> (cancelled: the other {0} were not checked)</translation>
        </message>
        <message>
            <source>校验备份</source>
            <translation>Check backups</translation>
        </message>
        <message>
            <source>正在校验备份…</source>
            <translation>Checking backups…</translation>
        </message>
        <message>
            <source>正在复制数据…</source>
            <translation>Copying the data…</translation>
        </message>
        <message>
            <source>正在检查数据(审计记录与签名)…</source>
            <translation>Checking the data (audit trail and signatures)…</translation>
        </message>
        <message>
            <source>正在检查备份文件是否完好…</source>
            <translation>Checking that the backup file is whole…</translation>
        </message>
        <message>
            <source>正在轮换旧备份…</source>
            <translation>Removing old backups by the rotation…</translation>
        </message>
        <message>
            <source>备份失败:{0}</source>
            <translation>Backup failed: {0}</translation>
        </message>
        <message>
            <source>备份 {0} 不能用于恢复:
{1}
请选这个服务中心的另一份备份。</source>
            <translation>The backup {0} cannot be restored:
{1}
Choose another backup of this office.</translation>
        </message>
        <message>
            <source>从备份恢复</source>
            <translation>Restore from backup</translation>
        </message>
        <message>
            <source>备份 {0} 已损坏,不能用于恢复:
{1}
请选另一份备份。</source>
            <translation>Backup {0} is damaged and cannot be used to restore:
{1}
Please choose another backup.</translation>
        </message>
    </context>
    <context>
        <name>BatchTab</name>
        <message>
            <source>近期入伙、尚未入伙回访的住户</source>
            <translation>Households moved in recently without a move-in visit yet</translation>
        </message>
        <message>
            <source>所选楼栋的全部房屋</source>
            <translation>All homes in the selected buildings</translation>
        </message>
        <message>
            <source>近 </source>
            <translation>Moved in within the last </translation>
        </message>
        <message>
            <source> 天内入伙</source>
            <translation> days</translation>
        </message>
        <message>
            <source>全选</source>
            <translation>Select all</translation>
        </message>
        <message>
            <source>全不选</source>
            <translation>Select none</translation>
        </message>
        <message>
            <source>随机抽取</source>
            <translation>Random sample of</translation>
        </message>
        <message>
            <source> 户</source>
            <translation> households</translation>
        </message>
        <message>
            <source>(年度走访:每年1–2次,抽部分住户上门)</source>
            <translation>(Annual visit: once or twice a year, visit a sample of households at home)</translation>
        </message>
        <message>
            <source>回访哪些住户</source>
            <translation>Which households to visit</translation>
        </message>
        <message>
            <source>如:2026年国庆节前走访;3栋停水后回访</source>
            <translation>e.g. visits before National Day 2026; follow-up after the water cut in building 3</translation>
        </message>
        <message>
            <source>计划</source>
            <translation>Planned</translation>
        </message>
        <message>
            <source>回访类型</source>
            <translation>Visit type</translation>
        </message>
        <message>
            <source>回访期限</source>
            <translation>Visit by</translation>
        </message>
        <message>
            <source>回访人角色</source>
            <translation>Visitor role</translation>
        </message>
        <message>
            <source>说明</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>预览</source>
            <translation>Preview</translation>
        </message>
        <message>
            <source>生成回访计划</source>
            <translation>Create visit plan</translation>
        </message>
        <message>
            <source>选好范围后点“预览”,看将为哪些住户安排回访。</source>
            <translation>Choose the scope and click "Preview" to see which households will be visited.</translation>
        </message>
        <message>
            <source>预览的房号</source>
            <translation>Rooms in the preview</translation>
        </message>
        <message>
            <source>本季度物管员巡访</source>
            <translation>This quarter's steward rounds</translation>
        </message>
        <message>
            <source>物管员</source>
            <translation>Steward</translation>
        </message>
        <message>
            <source>责任楼栋</source>
            <translation>Buildings</translation>
        </message>
        <message>
            <source>户数</source>
            <translation>Households</translation>
        </message>
        <message>
            <source>已访</source>
            <translation>Visited</translation>
        </message>
        <message>
            <source>已安排</source>
            <translation>Planned</translation>
        </message>
        <message>
            <source>未安排</source>
            <translation>Not planned</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>为所选物管员安排本季度巡访</source>
            <translation>Plan this quarter's round for the selected steward</translation>
        </message>
        <message>
            <source>已完成</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>未完成</source>
            <translation>Not done</translation>
        </message>
        <message>
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <source>{0}:每位物管员本季度须走访完责任楼栋的全部住户,{1} 前完成。</source>
            <translation>{0}: each steward visits every household of their buildings this quarter, by {1}.</translation>
        </message>
        <message>
            <source>没有设置了责任楼栋的物管员(在“人员”中设置)。</source>
            <translation>No steward has buildings assigned (set them under Staff).</translation>
        </message>
        <message>
            <source>请先在表中选一位物管员。</source>
            <translation>Select a steward in the table first.</translation>
        </message>
        <message>
            <source>已为{0}安排 {1} 户季度巡访。</source>
            <translation>Planned {1} quarterly round visits for {0}.</translation>
        </message>
        <message>
            <source>{0}栋</source>
            <translation>Building {0}</translation>
        </message>
        <message>
            <source>入伙回访的期限按各户入伙日期后一周计</source>
            <translation>A move-in visit is due one week after each household moved in</translation>
        </message>
        <message>
            <source>请至少勾选一栋楼</source>
            <translation>Please tick at least one building</translation>
        </message>
        <message>
            <source> 等,另有 {0} 户</source>
            <translation> and {0} more households</translation>
        </message>
        <message>
            <source>将为 {0} 户安排入伙回访,各户在入伙日期后一周内由{1}回访。已有入伙回访的住户会跳过。</source>
            <translation>Move-in visits will be planned for {0} households, each within a week of its move-in date, by the {1}. Households that already have one are skipped.</translation>
        </message>
        <message>
            <source>将为 {0} 户安排“{1}”,{2} 前由{3}回访。已有同类待回访的住户会跳过。</source>
            <translation>Will plan "{1}" for {0} households, visited by {3} before {2}. Households that already have such a visit pending are skipped.</translation>
        </message>
        <message>
            <source>没有符合条件的住户。</source>
            <translation>No households match.</translation>
        </message>
        <message>
            <source>已安排 {0} 户“{1}”</source>
            <translation>Planned "{1}" for {0} households</translation>
        </message>
        <message>
            <source>,{0} 户已有同类待回访计划,跳过</source>
            <translation>, {0} households already had such a visit planned and were skipped</translation>
        </message>
    </context>
    <context>
        <name>BlankFormsDialog</name>
        <message>
            <source>打印空白回访记录表</source>
            <translation>Print blank visit record forms</translation>
        </message>
        <message>
            <source>生成并预览</source>
            <translation>Create and preview</translation>
        </message>
        <message>
            <source> 份</source>
            <translation> copies</translation>
        </message>
        <message>
            <source>打印时每份表占用一个新编号(HF-年份-序号)并记入台账;打印失败或取消的编号当即作废,不会重复使用。</source>
            <translation>Each form takes a new number (HF-year-serial) in the ledger when it is printed; numbers of a failed or cancelled print are voided at once and never used again.</translation>
        </message>
        <message>
            <source>份数</source>
            <translation>Copies</translation>
        </message>
        <message>
            <source>正在生成 {0} 份空白回访记录表…</source>
            <translation>Making {0} blank visit record forms…</translation>
        </message>
    </context>
    <context>
        <name>CaseDetailDialog</name>
        <message>
            <source>案件详情 — {0}</source>
            <translation>Case details — {0}</translation>
        </message>
        <message>
            <source>显示号码</source>
            <translation>Show number</translation>
        </message>
        <message>
            <source>责任部门</source>
            <translation>Responsible department</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>处理记录</source>
            <translation>Case history</translation>
        </message>
        <message>
            <source>联系单号</source>
            <translation>Work order no.</translation>
        </message>
        <message>
            <source>指派给</source>
            <translation>Assigned to</translation>
        </message>
        <message>
            <source>派工时间</source>
            <translation>Dispatched at</translation>
        </message>
        <message>
            <source>要求完成</source>
            <translation>Complete by</translation>
        </message>
        <message>
            <source>签收人</source>
            <translation>Signed for by</translation>
        </message>
        <message>
            <source>签收时间</source>
            <translation>Signed for at</translation>
        </message>
        <message>
            <source>说明</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>延期时间</source>
            <translation>Extended at</translation>
        </message>
        <message>
            <source>原期限</source>
            <translation>Old deadline</translation>
        </message>
        <message>
            <source>新期限</source>
            <translation>New deadline</translation>
        </message>
        <message>
            <source>批准人</source>
            <translation>Approved by</translation>
        </message>
        <message>
            <source>批准方式</source>
            <translation>Confirmed by</translation>
        </message>
        <message>
            <source>原因</source>
            <translation>Cause</translation>
        </message>
        <message>
            <source>工作联系单</source>
            <translation>Work orders</translation>
        </message>
        <message>
            <source>延期记录</source>
            <translation>Extensions</translation>
        </message>
        <message>
            <source>联系单与延期</source>
            <translation>Work orders and extensions</translation>
        </message>
        <message>
            <source>第几次</source>
            <translation>Attempt</translation>
        </message>
        <message>
            <source>应回访</source>
            <translation>Visit due</translation>
        </message>
        <message>
            <source>回访人</source>
            <translation>Visitor</translation>
        </message>
        <message>
            <source>方式</source>
            <translation>Method</translation>
        </message>
        <message>
            <source>满意度</source>
            <translation>Satisfaction</translation>
        </message>
        <message>
            <source>回访时间</source>
            <translation>Visit time</translation>
        </message>
        <message>
            <source>计划原因</source>
            <translation>Reason planned</translation>
        </message>
        <message>
            <source>双击一行打开回访记录。</source>
            <translation>Double-click a row to open the visit record.</translation>
        </message>
        <message>
            <source>回访</source>
            <translation>Follow-up visit</translation>
        </message>
        <message>
            <source>打印处理记录表</source>
            <translation>Print case record form</translation>
        </message>
        <message>
            <source>打印联系单</source>
            <translation>Print work order</translation>
        </message>
        <message>
            <source>修改记录</source>
            <translation>Change history</translation>
        </message>
        <message>
            <source>告知业主返工时间</source>
            <translation>Tell owner: rework date</translation>
        </message>
        <message>
            <source>关闭窗口</source>
            <translation>Close window</translation>
        </message>
        <message>
            <source>您的角色不能做这一步</source>
            <translation>Your role cannot take this step</translation>
        </message>
        <message>
            <source>第{0}次</source>
            <translation>Attempt {0}</translation>
        </message>
        <message>
            <source>这件案件还没有派工,没有工作联系单可打印。</source>
            <translation>This case has not been dispatched yet: there is no work order to print.</translation>
        </message>
        <message>
            <source>未签收</source>
            <translation>Not signed for</translation>
        </message>
        <message>
            <source>(旧记录,未核验)</source>
            <translation>(older record, not confirmed)</translation>
        </message>
        <message>
            <source>重大投诉报告</source>
            <translation>Major complaint report</translation>
        </message>
        <message>
            <source>转交开发商</source>
            <translation>To the developer</translation>
        </message>
        <message>
            <source>返工后回访仍不合格,由此案转来:</source>
            <translation>Unqualified again after rework, came from:</translation>
        </message>
        <message>
            <source>返工后回访仍不合格,已转为投诉:</source>
            <translation>Unqualified again after rework, became the complaint:</translation>
        </message>
        <message>
            <source>无法打开复函:请确认电脑上装有能打开 PDF、图片或 Word 文件的程序</source>
            <translation>The reply letter could not be opened: make sure this computer has a program for PDF, picture or Word files</translation>
        </message>
    </context>
    <context>
        <name>CaseFields</name>
        <message>
            <source>受理</source>
            <translation>Intake</translation>
        </message>
        <message>
            <source>编号</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>自编号</source>
            <translation>Own ref.</translation>
        </message>
        <message>
            <source>受理时间</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>渠道</source>
            <translation>Channel</translation>
        </message>
        <message>
            <source>受理人</source>
            <translation>Received by</translation>
        </message>
        <message>
            <source>客户</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>房号</source>
            <translation>Room</translation>
        </message>
        <message>
            <source>联系电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>事项</source>
            <translation>Matter</translation>
        </message>
        <message>
            <source>性质</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>有效性</source>
            <translation>Validity</translation>
        </message>
        <message>
            <source>程度</source>
            <translation>Severity</translation>
        </message>
        <message>
            <source>类别</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>细类</source>
            <translation>Sub-category</translation>
        </message>
        <message>
            <source>紧急程度</source>
            <translation>Urgency</translation>
        </message>
        <message>
            <source>事发时间</source>
            <translation>Time of event</translation>
        </message>
        <message>
            <source>事发地点</source>
            <translation>Place of event</translation>
        </message>
        <message>
            <source>被投诉部门/人员</source>
            <translation>Complained about</translation>
        </message>
        <message>
            <source>内容</source>
            <translation>Content</translation>
        </message>
        <message>
            <source>客户要求</source>
            <translation>Customer's request</translation>
        </message>
        <message>
            <source>业主要求的时间</source>
            <translation>Owner's requested date</translation>
        </message>
        <message>
            <source>书面答复</source>
            <translation>Written reply</translation>
        </message>
        <message>
            <source>处理</source>
            <translation>Handling</translation>
        </message>
        <message>
            <source>责任部门</source>
            <translation>Responsible department</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>首次回复期限</source>
            <translation>First reply due</translation>
        </message>
        <message>
            <source>办结期限</source>
            <translation>Resolve by</translation>
        </message>
        <message>
            <source>先行处置</source>
            <translation>Contain first</translation>
        </message>
        <message>
            <source>明确答复期限</source>
            <translation>Definite answer due</translation>
        </message>
        <message>
            <source>明确答复</source>
            <translation>Definite answer</translation>
        </message>
        <message>
            <source>复函</source>
            <translation>Reply letter</translation>
        </message>
        <message>
            <source>处理结果</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>办结时间</source>
            <translation>Resolved at</translation>
        </message>
        <message>
            <source>关闭时间</source>
            <translation>Closed at</translation>
        </message>
        <message>
            <source>已并入</source>
            <translation>Merged into</translation>
        </message>
        <message>
            <source>并入本案的</source>
            <translation>Merged into this case</translation>
        </message>
        <message>
            <source>返工告知</source>
            <translation>Rework told</translation>
        </message>
        <message>
            <source>关联投诉</source>
            <translation>Linked complaint</translation>
        </message>
        <message>
            <source>打开复函</source>
            <translation>Open reply letter</translation>
        </message>
        <message>
            <source>显示</source>
            <translation>Show</translation>
        </message>
        <message>
            <source>超时 {0} 小时</source>
            <translation>{0} h late</translation>
        </message>
        <message>
            <source>超时 {0} 工作日</source>
            <translation>{0} working days late</translation>
        </message>
        <message>
            <source>超时 {0} 天</source>
            <translation>{0} days late</translation>
        </message>
        <message>
            <source>未首次回复(办结不算首次回复)</source>
            <translation>No first reply (handling it is not a reply)</translation>
        </message>
        <message>
            <source>匿名</source>
            <translation>Anonymous</translation>
        </message>
        <message>
            <source>未及时告知</source>
            <translation>Not told in time</translation>
        </message>
        <message>
            <source>{0} {1}:{2}</source>
            <translation>{0} {1}: {2}</translation>
        </message>
        <message>
            <source>晚于期限 {0}</source>
            <translation>later than {0}</translation>
        </message>
        <message>
            <source>未记录先行处置</source>
            <translation>containment not recorded</translation>
        </message>
        <message>
            <source>尚未先行处置,须先记录再办结</source>
            <translation>not contained yet: record it before resolving</translation>
        </message>
        <message>
            <source>尚未回复业主</source>
            <translation>Owner not yet replied to</translation>
        </message>
        <message>
            <source>已于 {0} 首次回复</source>
            <translation>First reply on {0}</translation>
        </message>
        <message>
            <source>{0},晚于期限:{1}</source>
            <translation>{0}, after the deadline: {1}</translation>
        </message>
        <message>
            <source>{0},{1}</source>
            <translation>{0}, {1}</translation>
        </message>
        <message>
            <source>{0} {1}({2}):{3}</source>
            <translation>{0} {1} ({2}): {3}</translation>
        </message>
        <message>
            <source>已于 {0} 明确答复</source>
            <translation>Definite answer given {0}</translation>
        </message>
        <message>
            <source>,晚于期限</source>
            <translation>, after the deadline</translation>
        </message>
        <message>
            <source>尚未明确答复</source>
            <translation>No definite answer yet</translation>
        </message>
        <message>
            <source>(办结期限按业主要求)</source>
            <translation>(the deadline is the owner's date)</translation>
        </message>
        <message>
            <source>(只用于轻微投诉,此件按制度期限)</source>
            <translation>(minor complaints only; this case keeps the policy deadline)</translation>
        </message>
        <message>
            <source>{0}(附于 {1})</source>
            <translation>{0} (attached {1})</translation>
        </message>
        <message>
            <source>未附复函</source>
            <translation>No reply letter</translation>
        </message>
        <message>
            <source>附上复函后才能关闭</source>
            <translation>Closes only once the reply letter is attached</translation>
        </message>
        <message>
            <source>只要求书面答复:不回访,复函附于案件</source>
            <translation>Written reply only: no visit, the reply letter is attached to the case</translation>
        </message>
        <message>
            <source>显示完整号码(每次显示都会记录查看人和时间)</source>
            <translation>Show the full number (each showing is logged with who and when)</translation>
        </message>
        <message>
            <source>您的角色不能查看完整电话</source>
            <translation>Your role cannot see full phone numbers</translation>
        </message>
    </context>
    <context>
        <name>CaseListPage</name>
        <message>
            <source>搜索(Ctrl+F):内容、姓名、电话、编号、处理记录…</source>
            <translation>Search (Ctrl+F): content, name, phone, number, case history…</translation>
        </message>
        <message>
            <source>在案件的全部文字中查找,两个字也可以,如“漏水”。只输数字时找电话开头、编号(如 18312 或 TS-2026-18)和房号(如 501);一个字找客户姓氏。边输边找,结果找到即显示。</source>
            <translation>Searches all the text of the cases; two characters are enough, e.g. “漏水”. Digits alone find the start of a phone number, a case number (e.g. 18312 or TS-2026-18) and a room number (e.g. 501); one character finds customers' surnames. Results show as soon as they are found while you type.</translation>
        </message>
        <message>
            <source>未结(全部未完成)</source>
            <translation>Open (all unfinished)</translation>
        </message>
        <message>
            <source>全部状态</source>
            <translation>All states</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>全部性质</source>
            <translation>All kinds</translation>
        </message>
        <message>
            <source>性质</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>全部程度</source>
            <translation>All severities</translation>
        </message>
        <message>
            <source>程度</source>
            <translation>Severity</translation>
        </message>
        <message>
            <source>全部类别</source>
            <translation>All categories</translation>
        </message>
        <message>
            <source>类别</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>全部部门</source>
            <translation>All departments</translation>
        </message>
        <message>
            <source>责任部门</source>
            <translation>Responsible department</translation>
        </message>
        <message>
            <source>如 3-2-501 或 3</source>
            <translation>e.g. 3-2-501 or 3</translation>
        </message>
        <message>
            <source>受理日期从(不限则留“不限”)</source>
            <translation>Received from (leave "Any" for no limit)</translation>
        </message>
        <message>
            <source>受理日期到(不限则留“不限”)</source>
            <translation>Received to (leave "Any" for no limit)</translation>
        </message>
        <message>
            <source>仅逾期</source>
            <translation>Overdue only</translation>
        </message>
        <message>
            <source>仅今日到期</source>
            <translation>Due today only</translation>
        </message>
        <message>
            <source>仅首次回复超时</source>
            <translation>Late first reply only</translation>
        </message>
        <message>
            <source>首次回复晚于期限,或过了期限仍未回复(办结不算首次回复;匿名、作废、合并的不计)</source>
            <translation>First reply after its deadline, or none by it (handling is not a reply; anonymous, voided and merged cases are not counted)</translation>
        </message>
        <message>
            <source>清除筛选</source>
            <translation>Clear filters</translation>
        </message>
        <message>
            <source>恢复为全部案件</source>
            <translation>Back to all cases</translation>
        </message>
        <message>
            <source>房号(&amp;R)</source>
            <translation>&amp;Room</translation>
        </message>
        <message>
            <source>受理日期</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>至</source>
            <translation>to</translation>
        </message>
        <message>
            <source>不限</source>
            <translation>Any</translation>
        </message>
        <message>
            <source>只看“{0}”的案件(其他筛选条件仍然有效)</source>
            <translation>Show only "{0}" cases (other filters still apply)</translation>
        </message>
        <message>
            <source>正在查找…</source>
            <translation>Searching…</translation>
        </message>
        <message>
            <source>查找没有完成,请再试一次</source>
            <translation>The search did not finish; please try again</translation>
        </message>
        <message>
            <source>{0} ({1})</source>
            <translation>{0} ({1})</translation>
        </message>
        <message>
            <source>共 {0} 件</source>
            <translation>{0} cases</translation>
        </message>
        <message>
            <source>共 {0}+ 件,正在计数…</source>
            <translation>{0}+ cases, counting…</translation>
        </message>
    </context>
    <context>
        <name>CaseTableModel</name>
        <message>
            <source>匿名</source>
            <translation>Anonymous</translation>
        </message>
        <message>
            <source>点击按此列排序</source>
            <translation>Click to sort by this column</translation>
        </message>
        <message>
            <source>此列不能排序</source>
            <translation>This column cannot be sorted</translation>
        </message>
        <message>
            <source>已超过办结期限</source>
            <translation>Past the resolve deadline</translation>
        </message>
        <message>
            <source>即将到期</source>
            <translation>Due soon</translation>
        </message>
        <message>
            <source>首次回复晚于期限,或过了期限仍未回复业主</source>
            <translation>The first reply came after its deadline, or the owner has had none by it</translation>
        </message>
    </context>
    <context>
        <name>CategoriesPage</name>
        <message>
            <source>细类</source>
            <translation>Sub-category</translation>
        </message>
        <message>
            <source>细类是类别下的具体项目(如 漏水/渗漏 → 卫生间渗漏)。同一房号同一类别同一细类报修三次及以上算重复维修;可以不设细类,登记时也可以直接输入新的细类。</source>
            <translation>A sub-category is the item within a category (e.g. leaks → bathroom leak). Three or more repairs of the same room, category and sub-category are a repeat repair. A category may have none, and intake may type a new one.</translation>
        </message>
        <message>
            <source>“%1”的细类</source>
            <translation>Sub-categories of “%1”</translation>
        </message>
        <message>
            <source>选中左边的类别,编辑其细类</source>
            <translation>Choose a category on the left to edit its sub-categories</translation>
        </message>
    </context>
    <context>
        <name>ClearAnswerDialog</name>
        <message>
            <source>告诉业主的调查结果和处理方案</source>
            <translation>What the owner was told: the findings and the plan</translation>
        </message>
        <message>
            <source>答复人(&amp;B)</source>
            <translation>Answered &amp;by</translation>
        </message>
        <message>
            <source>答复时间(&amp;T)</source>
            <translation>&amp;Time</translation>
        </message>
        <message>
            <source>答复方式(&amp;M)</source>
            <translation>&amp;Method</translation>
        </message>
        <message>
            <source>答复内容(&amp;C)</source>
            <translation>&amp;Content</translation>
        </message>
        <message>
            <source>明确答复期限 {0:%Y-%m-%d %H:%M}</source>
            <translation>Definite answer due {0:%Y-%m-%d %H:%M}</translation>
        </message>
    </context>
    <context>
        <name>CloseDialog</name>
        <message>
            <source>(无)</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>可不填</source>
            <translation>Optional</translation>
        </message>
        <message>
            <source>处理结果</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>备注(&amp;N)</source>
            <translation>&amp;Note</translation>
        </message>
    </context>
    <context>
        <name>CloseReferralDialog</name>
        <message>
            <source>结束联系函 — {0}</source>
            <translation>Close the letter — {0}</translation>
        </message>
        <message>
            <source>开发商的部分已办完(或不再需要开发商处理)时结束这份联系函。</source>
            <translation>Close this letter when the developer's part is done (or no longer needed).</translation>
        </message>
        <message>
            <source>结束</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>例如 开发商已维修完毕,业主确认不再渗水</source>
            <translation>e.g. the developer has repaired it; the owner confirms it no longer leaks</translation>
        </message>
    </context>
    <context>
        <name>ComplaintsTab</name>
        <message>
            <source>投诉类别柏拉图(本期)</source>
            <translation>Complaint categories, Pareto (this period)</translation>
        </message>
        <message>
            <source>按类别</source>
            <translation>By category</translation>
        </message>
        <message>
            <source>按被投诉方</source>
            <translation>By party complained about</translation>
        </message>
        <message>
            <source>按楼栋</source>
            <translation>By building</translation>
        </message>
        <message>
            <source>按有效性</source>
            <translation>By validity</translation>
        </message>
        <message>
            <source>按程度</source>
            <translation>By severity</translation>
        </message>
        <message>
            <source>本期受理投诉 {0} 件(上期 {1} 件);住户 {2} 户,投诉率 {3}(每百户 {4:.2f} 件)。</source>
            <translation>{0} complaints received in this period ({1} before); {2} households, complaint rate {3} ({4:.2f} per 100 households).</translation>
        </message>
    </context>
    <context>
        <name>ContainDialog</name>
        <message>
            <source>{0}(已超时)</source>
            <translation>{0} (overdue)</translation>
        </message>
        <message>
            <source>做了什么制止损害(例如:已关闭总阀、已派人到场)</source>
            <translation>What was done to stop the harm (e.g. main valve closed, someone sent on site)</translation>
        </message>
        <message>
            <source>先行处置记录后才能办结;处置完成后再继续派工、处理。</source>
            <translation>The case can be resolved only after the containment is recorded; carry on with dispatch and handling after it.</translation>
        </message>
        <message>
            <source>处置期限</source>
            <translation>Contain by</translation>
        </message>
        <message>
            <source>处置措施(&amp;W)</source>
            <translation>&amp;What was done</translation>
        </message>
        <message>
            <source>处置人(&amp;B)</source>
            <translation>Done &amp;by</translation>
        </message>
        <message>
            <source>处置时间(&amp;T)</source>
            <translation>Done a&amp;t</translation>
        </message>
    </context>
    <context>
        <name>ContractDialog</name>
        <message>
            <source>登记特约服务合同期</source>
            <translation>Record the service contract period</translation>
        </message>
        <message>
            <source>登记</source>
            <translation>Record</translation>
        </message>
        <message>
            <source>{0}:合同执行中期和期满后各回访一次。</source>
            <translation>{0}: one visit mid-contract and one after the contract ends.</translation>
        </message>
        <message>
            <source>合同开始日期</source>
            <translation>Contract start</translation>
        </message>
        <message>
            <source>合同结束日期</source>
            <translation>Contract end</translation>
        </message>
    </context>
    <context>
        <name>CorrectiveTab</name>
        <message>
            <source>不满意的回访、同一事项连续投诉两次及以上、同一维修三次及以上,须采取纠正和预防措施。双击一行打开其案件(一组打开最近的一件,展开后可逐件打开)。</source>
            <translation>Dissatisfied visits, the same matter complained about two or more times, and the same repair three or more times need corrective and preventive action. Double-click a row to open its case (a group opens the latest; expand it to open each).</translation>
        </message>
        <message>
            <source>不满意的回访</source>
            <translation>Dissatisfied visits</translation>
        </message>
        <message>
            <source>{0} 第{1}次回访</source>
            <translation>{0} visit {1}</translation>
        </message>
        <message>
            <source>(无案件)</source>
            <translation>(no cases)</translation>
        </message>
        <message>
            <source>重复投诉(同一事项两次及以上)</source>
            <translation>Repeat complaints (same matter twice or more)</translation>
        </message>
        <message>
            <source>投诉</source>
            <translation>Complaint</translation>
        </message>
        <message>
            <source>重复维修(同一维修三次及以上)</source>
            <translation>Repeat repairs (same repair three times or more)</translation>
        </message>
        <message>
            <source>报修</source>
            <translation>Repair request</translation>
        </message>
        <message>
            <source>{0}({1} 项)</source>
            <translation>{0} ({1} items)</translation>
        </message>
        <message>
            <source>本期没有</source>
            <translation>None in this period</translation>
        </message>
        <message>
            <source>{0} 次{1}</source>
            <translation>{0} times {1}</translation>
        </message>
        <message>
            <source>{0}·{1}</source>
            <translation>{0} · {1}</translation>
        </message>
        <message>
            <source>(细类未填)</source>
            <translation>(no sub-category)</translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message>
            <source>刷新</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <source>逾期案件</source>
            <translation>Overdue cases</translation>
        </message>
        <message>
            <source>今日到期</source>
            <translation>Due today</translation>
        </message>
        <message>
            <source>今日回访</source>
            <translation>Visits today</translation>
        </message>
        <message>
            <source>逾期回访</source>
            <translation>Overdue visits</translation>
        </message>
        <message>
            <source>超期未交回表单</source>
            <translation>Forms out too long</translation>
        </message>
        <message>
            <source>待提交重大投诉报告</source>
            <translation>Major complaint reports to submit</translation>
        </message>
        <message>
            <source>待转值班记录</source>
            <translation>Night log entries to convert</translation>
        </message>
        <message>
            <source>返工通知逾期</source>
            <translation>Rework notices overdue</translation>
        </message>
        <message>
            <source>打开表单台账</source>
            <translation>Open the form ledger</translation>
        </message>
        <message>
            <source>需打印记录表的投诉…</source>
            <translation>Complaints needing the record sheet…</translation>
        </message>
        <message>
            <source>打开值班记录</source>
            <translation>Open the night log</translation>
        </message>
        <message>
            <source>打开回访跟进</source>
            <translation>Open visit follow-ups</translation>
        </message>
        <message>
            <source>回访人</source>
            <translation>Visitor</translation>
        </message>
        <message>
            <source>已逾期</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <source>合计</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>今日没有待回访的,也没有逾期的回访。</source>
            <translation>No visits due today and none overdue.</translation>
        </message>
        <message>
            <source>今日回访(按回访人)</source>
            <translation>Today's visits (by visitor)</translation>
        </message>
        <message>
            <source>性质</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>回访率 / 目标</source>
            <translation>Visit rate / target</translation>
        </message>
        <message>
            <source>达标</source>
            <translation>Met</translation>
        </message>
        <message>
            <source>应回访</source>
            <translation>Visit due</translation>
        </message>
        <message>
            <source>工作台</source>
            <translation>Dashboard</translation>
        </message>
        <message>
            <source>查看首次回复超时的案件</source>
            <translation>Show the late first replies</translation>
        </message>
        <message>
            <source>打开案件…</source>
            <translation>Open a case…</translation>
        </message>
        <message>
            <source>打开回访计划</source>
            <translation>Open the visit plan</translation>
        </message>
        <message>
            <source>已回访</source>
            <translation>Visited</translation>
        </message>
        <message>
            <source>本月回访率</source>
            <translation>Visit rate this month</translation>
        </message>
        <message>
            <source>满意度趋势(近六个月,满意+很满意)</source>
            <translation>Satisfaction trend (last six months, satisfied + very satisfied)</translation>
        </message>
        <message>
            <source>工作台数据读取失败:{0}</source>
            <translation>Could not read the dashboard data: {0}</translation>
        </message>
        <message>
            <source>工作台 · {0}年{1}月{2}日 星期{3}</source>
            <translation>Dashboard · {3} {0}-{1}-{2}</translation>
        </message>
        <message>
            <source>{0} 年的国务院放假安排尚未录入:该年的期限暂按法定节日推算(暂定),调休上班日未计入。安排公布后请在“设置 → 节假日”中载入,未结案件的期限会自动重算。</source>
            <translation>The State Council holiday arrangement for {0} is not entered yet: deadlines in that year use the statutory holidays (provisional), without the make-up working days. Once it is published, load it under Settings → Holidays; open cases are recomputed.</translation>
        </message>
        <message>
            <source>无</source>
            <translation>None</translation>
        </message>
        <message>
            <source>已过办结期限,需处理</source>
            <translation>Past the resolve deadline, needs action</translation>
        </message>
        <message>
            <source>今天须办结</source>
            <translation>Must be resolved today</translation>
        </message>
        <message>
            <source>{0} 位回访人</source>
            <translation>{0} visitors</translation>
        </message>
        <message>
            <source>已过回访日期</source>
            <translation>Past the visit date</translation>
        </message>
        <message>
            <source>领用超期未交回</source>
            <translation>Taken out and not returned in time</translation>
        </message>
        <message>
            <source>其中 {0} 份已逾期</source>
            <translation>{0} of them overdue</translation>
        </message>
        <message>
            <source>未到期限</source>
            <translation>Not yet due</translation>
        </message>
        <message>
            <source>待转为案件</source>
            <translation>To be made into cases</translation>
        </message>
        <message>
            <source>逾期未送达;共 {0} 份待送达</source>
            <translation>Overdue, not delivered; {0} waiting for delivery</translation>
        </message>
        <message>
            <source>待送达 {0} 份,未逾期</source>
            <translation>{0} waiting for delivery, none overdue</translation>
        </message>
        <message>
            <source>{0} 条已过次个工作日 10:00</source>
            <translation>{0} past 10:00 of the next working day</translation>
        </message>
        <message>
            <source>{0}(逾期)</source>
            <translation>{0} (overdue)</translation>
        </message>
        <message>
            <source>{0}年{1}月</source>
            <translation>{1}/{0}</translation>
        </message>
        <message>
            <source>本月回访率({0},截至 {1})</source>
            <translation>Visit rate this month ({0}, as of {1})</translation>
        </message>
        <message>
            <source>回访率({0})</source>
            <translation>Visit rate ({0})</translation>
        </message>
        <message>
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <source>本月办结 {0} 件;不计入应回访:{1}</source>
            <translation>{0} handled this month; not counted as due: {1}</translation>
        </message>
        <message>
            <source>{0} / {1}</source>
            <translation>{0} / {1}</translation>
        </message>
        <message>
            <source>回访率 {0},目标 {1}</source>
            <translation>Visit rate {0}, target {1}</translation>
        </message>
        <message>
            <source>无目标</source>
            <translation>No target</translation>
        </message>
        <message>
            <source>✓ 达标</source>
            <translation>✓ Target met</translation>
        </message>
        <message>
            <source>✗ 未达标</source>
            <translation>✗ Target missed</translation>
        </message>
        <message>
            <source>竖线为目标;绿色达标,红色未达标。匿名、联系不上/拒访、未到期的不计入应回访。</source>
            <translation>The line is the target; green met, red not met. Anonymous, unreachable/refused and not-yet-due cases are not counted as due.</translation>
        </message>
        <message>
            <source> 等</source>
            <translation> and more</translation>
        </message>
        <message>
            <source>应访未访 {0} 件:{1},请尽快回访。</source>
            <translation>{0} visits overdue: {1}. Please visit them soon.</translation>
        </message>
        <message>
            <source>匿名</source>
            <translation>Anonymous</translation>
        </message>
        <message>
            <source>只要求书面答复</source>
            <translation>Written reply only</translation>
        </message>
        <message>
            <source>联系不上/拒访</source>
            <translation>Unreachable / refused</translation>
        </message>
        <message>
            <source>{0}年第{1}季度</source>
            <translation>Q{1} {0}</translation>
        </message>
        <message>
            <source>{0}的 {1} 份回访记录表未在 {2} 前归档,已逾期,请尽快归档。</source>
            <translation>{0}: {1} visit record forms were not filed by {2} and are late. Please file them.</translation>
        </message>
        <message>
            <source>{0} 个季度({1}至{2})共 {3} 份回访记录表未按期归档,已逾期,请尽快归档。</source>
            <translation>{3} visit record forms of {0} quarters ({1} to {2}) were not filed in time and are late. Please file them.</translation>
        </message>
        <message>
            <source>{0}的 {1} 份回访记录表须在 {2} 前归档。</source>
            <translation>{0}: {1} visit record forms are to be filed by {2}.</translation>
        </message>
        <message>
            <source>{0} 份已归档的表单保管期已满,可以销毁(销毁后请在表单台账中登记)。</source>
            <translation>{0} filed forms have been kept long enough and may be destroyed (record it in the form ledger afterwards).</translation>
        </message>
        <message>
            <source>{0}({1}) {2}/{3} {4},目标 ≥{5}</source>
            <translation>{0} ({1}) {2}/{3} {4}, target ≥{5}</translation>
        </message>
        <message>
            <source>未到期</source>
            <translation>Not due</translation>
        </message>
        <message>
            <source>暂无应回访</source>
            <translation>None due yet</translation>
        </message>
        <message>
            <source>{0}的投诉、建议处理结果汇总应在 {1} 前报分管领导,已逾期:请在“统计分析”中选该月打印或导出。</source>
            <translation>The summary of complaints and suggestions for {0} was due to the manager in charge by {1} and is late: choose that month in Statistics and print or export it.</translation>
        </message>
        <message>
            <source>{0}的投诉、建议处理结果汇总须在 {1} 前报分管领导:请在“统计分析”中选该月打印或导出。</source>
            <translation>The summary of complaints and suggestions for {0} is due to the manager in charge by {1}: choose that month in Statistics and print or export it.</translation>
        </message>
        <message>
            <source>{0}的客户意见处理情况公告应在 {1} 前向全体业主公布,已逾期:请打印本月公告并张贴。</source>
            <translation>The notice to all owners for {0} was due by {1} and is late: print this month's notice and post it.</translation>
        </message>
        <message>
            <source>{0}的客户意见处理情况公告须在 {1} 前向全体业主公布:请打印本月公告并张贴。</source>
            <translation>The notice to all owners for {0} is due by {1}: print this month's notice and post it.</translation>
        </message>
        <message>
            <source>{0} 件投诉处理已超过一个工作日,尚未打印《顾客投诉处理记录表》:{1}{2}。</source>
            <translation>{0} complaints have been open more than one working day without their complaint record sheet printed: {1}{2}.</translation>
        </message>
        <message>
            <source>{0} 条值班记录过了次个工作日上午 10:00 仍未转为案件,请在“值班记录”中转入。</source>
            <translation>{0} night-log entries were not made into cases by 10:00 of the next working day: carry them over in the Night log.</translation>
        </message>
        <message>
            <source>{0} 个回访时答应答复业主的问题已过答复日期(最早 {1},案件 {2}),请在“回访跟进”中答复。</source>
            <translation>{0} questions promised an answer at a visit are past their date (earliest {1}, case {2}): answer them in Visit follow-ups.</translation>
        </message>
        <message>
            <source>各角色回访率(本月,回访制度的目标):</source>
            <translation>Each role's visit rate (this month, against the visit rules' targets):</translation>
        </message>
        <message>
            <source>暂无</source>
            <translation>None yet</translation>
        </message>
        <message>
            <source>{0} 件漏水/渗漏已办结未登记闭水试验日期,回访待闭水试验:{1}。</source>
            <translation>{0} leaks handled without a leak test date; their visits wait for the test: {1}.</translation>
        </message>
        <message>
            <source>{0} 件特约服务未登记合同日期,无法安排合同中期和期满回访:{1}。</source>
            <translation>{0} special services without contract dates; the mid-contract and end visits cannot be planned: {1}.</translation>
        </message>
        <message>
            <source>{0} 户入伙已超过一周未回访:{1}。</source>
            <translation>{0} households moved in more than a week ago without a move-in visit: {1}.</translation>
        </message>
        <message>
            <source>{0}(已访 {1}/{2} 户)</source>
            <translation>{0} ({1}/{2} visited)</translation>
        </message>
        <message>
            <source>季度巡访未完成,{0} 前须走访完责任区:{1}。</source>
            <translation>Quarterly rounds not done; each area must be visited by {0}: {1}.</translation>
        </message>
        <message>
            <source>开发商未回复:{0} 份工作联系函,其中 {1} 份已过回复期限:{2}{3}。请催办并向业主反馈。</source>
            <translation>Developer has not replied: {0} letters, {1} of them past the reply date: {2}{3}. Chase them and tell the owners.</translation>
        </message>
        <message>
            <source>开发商未回复:{0} 份工作联系函,均未到回复期限:{1}{2}。</source>
            <translation>Developer has not replied: {0} letters, none past the reply date yet: {1}{2}.</translation>
        </message>
        <message>
            <source>已到跟进日期:{0}。</source>
            <translation> Follow-up date reached: {0}.</translation>
        </message>
        <message>
            <source>本月 {0} 件首次回复超时(晚于期限或过期限未回复):{1}{2}。</source>
            <translation>{0} late first replies this month (after the deadline, or none by it): {1}{2}.</translation>
        </message>
        <message>
            <source>本月 {0} 件重大投诉明确答复超时:{1}{2}。</source>
            <translation>{0} major complaints answered late this month: {1}{2}.</translation>
        </message>
        <message>
            <source>{0} 件返工已过 24 小时仍未告知业主何时完成:{1}{2}。请在案件详情中“告知业主返工时间”。</source>
            <translation>{0} reworks are past 24 hours and the owner has not been told when they will be done: {1}{2}. Use “Tell owner: rework date” in the case.</translation>
        </message>
        <message>
            <source>返工后仍不合格:{0} 已上报管理处经理 {1},转为投诉 {2} 处理。</source>
            <translation>Unqualified again after rework: {0} has gone to the office manager {1} and is handled as the complaint {2}.</translation>
        </message>
        <message>
            <source>另有 {0} 件返工后仍不合格。</source>
            <translation>{0} more unqualified again after rework.</translation>
        </message>
        <message>
            <source>{0} · 未告知业主返工时间(应于 {1:%m-%d %H:%M} 前)</source>
            <translation>{0} · owner not told when the rework is done (due {1:%m-%d %H:%M})</translation>
        </message>
        <message>
            <source>{0} · 返工后仍不合格({1})</source>
            <translation>{0} · unqualified again after rework ({1})</translation>
        </message>
        <message>
            <source>{0} 件需先行处置的案件已过处置期限仍未记录:{1}{2}。请立即制止损害,并在案件中记录先行处置。</source>
            <translation>Cases that must be contained first, past their deadline with no containment recorded: {0} ({1}{2}). Stop the harm at once and record it in the case.</translation>
        </message>
        <message>
            <source>{0} · 先行处置期限 {1:%m-%d %H:%M}</source>
            <translation>{0} · contain by {1:%m-%d %H:%M}</translation>
        </message>
        <message>
            <source>未发出</source>
            <translation>not sent</translation>
        </message>
        <message>
            <source>{0} · {1} · 回复期限 {2} · {3}</source>
            <translation>{0} · {1} · reply by {2} · {3}</translation>
        </message>
        <message>
            <source>{0} · 超过一个工作日自 {1:%m-%d %H:%M}</source>
            <translation>{0} · over one working day since {1:%m-%d %H:%M}</translation>
        </message>
        <message>
            <source>{0} · 期限 {1:%m-%d %H:%M} · {2}</source>
            <translation>{0} · due {1:%m-%d %H:%M} · {2}</translation>
        </message>
    </context>
    <context>
        <name>Deadlines</name>
        <message>
            <source>首次回复 {0} 前</source>
            <translation>First reply by {0}</translation>
        </message>
        <message>
            <source>办结 {0} 前</source>
            <translation>Resolve by {0}</translation>
        </message>
        <message>
            <source>明确答复 {0} 前</source>
            <translation>Definite answer by {0}</translation>
        </message>
        <message>
            <source>重大投诉报告 {0} 前</source>
            <translation>Major complaint report by {0}</translation>
        </message>
    </context>
    <context>
        <name>DeadlinesPage</name>
        <message>
            <source>办结时限(按程度)</source>
            <translation>Time to resolve (by severity)</translation>
        </message>
        <message>
            <source>期限计法</source>
            <translation>Counting days</translation>
        </message>
        <message>
            <source>首次回复客户</source>
            <translation>First reply to customer</translation>
        </message>
        <message>
            <source>受理后</source>
            <translation>after intake within</translation>
        </message>
        <message>
            <source>解决不了的,也须在此时限内给客户初步方案。</source>
            <translation>Even what cannot be solved needs a first proposal to the customer within this time.</translation>
        </message>
        <message>
            <source>重大投诉</source>
            <translation>Major complaints</translation>
        </message>
        <message>
            <source>明确答复</source>
            <translation>Definite answer</translation>
        </message>
        <message>
            <source>上报品质部/总经理</source>
            <translation>Report to Quality dept. / general manager</translation>
        </message>
        <message>
            <source>个工作日内</source>
            <translation>working days</translation>
        </message>
        <message>
            <source>提醒与编号</source>
            <translation>Reminders and numbering</translation>
        </message>
        <message>
            <source>临期提醒</source>
            <translation>Due-soon reminder</translation>
        </message>
        <message>
            <source>小时前</source>
            <translation>hours before</translation>
        </message>
        <message>
            <source>重复投诉判断</source>
            <translation>Repeat complaint check</translation>
        </message>
        <message>
            <source>天内</source>
            <translation>days</translation>
        </message>
        <message>
            <source>案件编号前缀</source>
            <translation>Case number prefix</translation>
        </message>
        <message>
            <source>字母或数字,案件编号形如 TS-2026-00042</source>
            <translation>Letters or digits; case numbers look like TS-2026-00042</translation>
        </message>
        <message>
            <source>先行处置</source>
            <translation>Contain first</translation>
        </message>
        <message>
            <source>小时内(按钟点计)</source>
            <translation>hours (on the clock)</translation>
        </message>
        <message>
            <source>超时审批人(按程度)</source>
            <translation>Approver for overruns (by severity)</translation>
        </message>
        <message>
            <source>转交开发商(工作联系函)</source>
            <translation>To the developer (letters)</translation>
        </message>
        <message>
            <source>联系函印出业主完整电话(否则隐去中间四位)</source>
            <translation>Print the owner's whole phone number on the letter (else the middle four digits are hidden)</translation>
        </message>
        <message>
            <source>收函单位</source>
            <translation>Addressed to</translation>
        </message>
        <message>
            <source>开发商回复</source>
            <translation>Developer's reply</translation>
        </message>
        <message>
            <source>也可转交的类别</source>
            <translation>Also forwarded: categories</translation>
        </message>
        <message>
            <source>有效投诉·二类总可转交;类别用顿号分隔</source>
            <translation>Valid complaints of type 2 may always be forwarded; separate categories with 、</translation>
        </message>
        <message>
            <source>按现设置:此刻受理的投诉</source>
            <translation>With these settings, a complaint received now</translation>
        </message>
        <message>
            <source>天内(自然日)</source>
            <translation>days (calendar days)</translation>
        </message>
        <message>
            <source>受理时间 %1
</source>
            <translation>Received %1
</translation>
        </message>
    </context>
    <context>
        <name>DepartmentsPage</name>
        <message>
            <source>添加</source>
            <translation>Add</translation>
        </message>
        <message>
            <source>输入部门名称</source>
            <translation>Enter the department name</translation>
        </message>
        <message>
            <source>改名为</source>
            <translation>Rename to</translation>
        </message>
        <message>
            <source>停用</source>
            <translation>Deactivate</translation>
        </message>
        <message>
            <source>此页的修改立即生效。停用的部门不再出现在派工选择中,已有的案件和派工单照旧保留。</source>
            <translation>Changes on this page take effect at once. Deactivated departments no longer appear when dispatching; existing cases and work orders keep them.</translation>
        </message>
        <message>
            <source>%1(已停用)</source>
            <translation>%1 (deactivated)</translation>
        </message>
        <message>
            <source>重新启用</source>
            <translation>Reactivate</translation>
        </message>
    </context>
    <context>
        <name>DestructionDialog</name>
        <message>
            <source>销毁登记</source>
            <translation>Record destruction</translation>
        </message>
        <message>
            <source>登记销毁</source>
            <translation>Record as destroyed</translation>
        </message>
        <message>
            <source>回访记录表归档保管 {0} 年(从所属季度结束算起,在“设置 · 回访规则”中修改)。以下表单保管期已满,可以销毁;程序不会自动删除任何记录。勾选实际销毁的编号,登记销毁人和日期;台账中的记录保留,标为“已销毁”。</source>
            <translation>Visit record forms are kept on file {0} years from the end of their quarter (change it in Settings · Visit rules). The forms below have been kept long enough and may be destroyed; the program never deletes anything by itself. Tick the numbers actually destroyed and record who destroyed them and when; the ledger rows stay, marked "destroyed".</translation>
        </message>
        <message>
            <source>编号</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>归档季度</source>
            <translation>Filed for</translation>
        </message>
        <message>
            <source>保管至</source>
            <translation>Keep until</translation>
        </message>
        <message>
            <source>{0}年第{1}季度</source>
            <translation>Q{1} {0}</translation>
        </message>
        <message>
            <source>没有保管期已满的表单。</source>
            <translation>No form has been kept long enough yet.</translation>
        </message>
        <message>
            <source>如 碎纸机销毁,见证人</source>
            <translation>e.g. shredded, witnessed by</translation>
        </message>
        <message>
            <source>{0} {1} 销毁 {2} 份(登记人 {3})</source>
            <translation>{0} {1} destroyed {2} forms (recorded by {3})</translation>
        </message>
        <message>
            <source>表单</source>
            <translation>Forms</translation>
        </message>
        <message>
            <source>销毁日期</source>
            <translation>Destroyed on</translation>
        </message>
        <message>
            <source>销毁人</source>
            <translation>Destroyed by</translation>
        </message>
        <message>
            <source>备注</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>以往销毁</source>
            <translation>Earlier destructions</translation>
        </message>
    </context>
    <context>
        <name>DispatchDialog</name>
        <message>
            <source>要求、注意事项(可不填)</source>
            <translation>Requirements, notes (optional)</translation>
        </message>
        <message>
            <source>责任部门(&amp;D)</source>
            <translation>Responsible &amp;department</translation>
        </message>
        <message>
            <source>指派给(&amp;A)</source>
            <translation>&amp;Assign to</translation>
        </message>
        <message>
            <source>派工说明(&amp;I)</source>
            <translation>Dispatch &amp;instructions</translation>
        </message>
        <message>
            <source>要求完成(&amp;T)</source>
            <translation>Complete by (&amp;T)</translation>
        </message>
        <message>
            <source>(不指定,由部门安排)</source>
            <translation>(not specified, the department decides)</translation>
        </message>
        <message>
            <source>请选择部门</source>
            <translation>Choose a department</translation>
        </message>
        <message>
            <source>{0} 已经过去,请选一个晚于现在({1})的时间</source>
            <translation>{0} has already passed; choose a time after now ({1})</translation>
        </message>
    </context>
    <context>
        <name>ExtendDialog</name>
        <message>
            <source>为什么不能按期办结</source>
            <translation>Why it cannot be resolved on time</translation>
        </message>
        <message>
            <source>我本人批准({0})</source>
            <translation>I approve it myself ({0})</translation>
        </message>
        <message>
            <source>批准人在本机输入自己的登录名和密码</source>
            <translation>Approver types login and password here</translation>
        </message>
        <message>
            <source>批准人的登录名</source>
            <translation>The approver's login name</translation>
        </message>
        <message>
            <source>批准人的登录密码</source>
            <translation>The approver's password</translation>
        </message>
        <message>
            <source>您的职位不能批准这件案件的延期</source>
            <translation>Your role may not approve extending this case</translation>
        </message>
        <message>
            <source>{0}案件延期须由{1}或更高职位批准;批准人须本人登录,或在本机输入自己的密码</source>
            <translation>Extending a {0} case needs the approval of the {1} or higher; the approver logs in, or types their own password on this PC</translation>
        </message>
        <message>
            <source>原办结期限</source>
            <translation>Original deadline</translation>
        </message>
        <message>
            <source>新期限(&amp;D)</source>
            <translation>New &amp;deadline</translation>
        </message>
        <message>
            <source>延期原因(&amp;R)</source>
            <translation>&amp;Reason for extension</translation>
        </message>
        <message>
            <source>批准方式</source>
            <translation>Confirmed by</translation>
        </message>
        <message>
            <source>批准人登录名(&amp;L)</source>
            <translation>Approver's &amp;login</translation>
        </message>
        <message>
            <source>批准人密码(&amp;P)</source>
            <translation>Approver's &amp;password</translation>
        </message>
        <message>
            <source>批准人登录名</source>
            <translation>Approver's login</translation>
        </message>
        <message>
            <source>请批准人输入自己的登录名</source>
            <translation>Have the approver type their own login name</translation>
        </message>
    </context>
    <context>
        <name>FilterBar</name>
        <message>
            <source>全部角色</source>
            <translation>All roles</translation>
        </message>
        <message>
            <source>全部性质</source>
            <translation>All kinds</translation>
        </message>
        <message>
            <source>清除筛选</source>
            <translation>Clear filters</translation>
        </message>
        <message>
            <source>回访人</source>
            <translation>Visitor</translation>
        </message>
        <message>
            <source>角色</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>性质</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>楼栋</source>
            <translation>Building</translation>
        </message>
        <message>
            <source>全部回访人</source>
            <translation>All visitors</translation>
        </message>
        <message>
            <source>全部楼栋</source>
            <translation>All buildings</translation>
        </message>
        <message>
            <source>{0}栋</source>
            <translation>Building {0}</translation>
        </message>
    </context>
    <context>
        <name>FirstRunBackupPage</name>
        <message>
            <source>备份</source>
            <translation>Backup</translation>
        </message>
        <message>
            <source>每天自动备份一次。请选 U 盘或另一块硬盘上的文件夹:电脑硬盘坏了,备份还在。</source>
            <translation>A backup is made automatically once a day. Choose a folder on a USB drive or another disk: if this computer's disk fails, the backups survive.</translation>
        </message>
        <message>
            <source>默认:{0}</source>
            <translation>Default: {0}</translation>
        </message>
        <message>
            <source>选择…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <source>用默认</source>
            <translation>Use default</translation>
        </message>
        <message>
            <source>备份文件夹</source>
            <translation>Backup folder</translation>
        </message>
        <message>
            <source>备份按天、周、月轮换保留(最近 7 天、4 周、12 个月)。U 盘没插时程序会提醒,不会丢数据。</source>
            <translation>Backups are kept in daily, weekly and monthly rotation (last 7 days, 4 weeks, 12 months). If the USB drive is not plugged in the program reminds you; no data is lost.</translation>
        </message>
        <message>
            <source>默认文件夹在数据文件夹里:能防误删,不能防硬盘损坏。建议另选 U 盘或另一块硬盘。</source>
            <translation>The default folder is inside the data folder: it protects against accidental deletion, not against a failed disk. Better choose a USB drive or another disk.</translation>
        </message>
        <message>
            <source>⚠ 这个文件夹与数据在同一块磁盘上:硬盘坏了,备份也会一起丢失。建议选 U 盘或另一块硬盘。</source>
            <translation>⚠ This folder is on the same disk as the data: if the disk fails, the backups are lost with it. Better choose a USB drive or another disk.</translation>
        </message>
        <message>
            <source>选择备份文件夹</source>
            <translation>Choose backup folder</translation>
        </message>
        <message>
            <source>请填写完整路径,例如 E:\回音备份,或点“选择…”</source>
            <translation>Enter a full path, e.g. E:\Huiyin backups, or click "Choose…"</translation>
        </message>
        <message>
            <source>无法建立这个文件夹:{0}(U 盘没插好?)</source>
            <translation>Cannot create this folder: {0} (is the USB drive plugged in?)</translation>
        </message>
        <message>
            <source>这个文件夹不能写入,请换一个</source>
            <translation>This folder cannot be written to; please choose another</translation>
        </message>
    </context>
    <context>
        <name>FirstRunDepartmentsPage</name>
        <message>
            <source>部门</source>
            <translation>Department</translation>
        </message>
        <message>
            <source>派工时选择的部门。已列出常用部门,可以增加、改名或删除(双击改名)。</source>
            <translation>The departments to choose from when dispatching. Common departments are listed; you can add, rename or delete (double-click to rename).</translation>
        </message>
        <message>
            <source>新部门名称,例如:绿化部</source>
            <translation>New department name, e.g. Landscaping</translation>
        </message>
        <message>
            <source>添加</source>
            <translation>Add</translation>
        </message>
        <message>
            <source>改名</source>
            <translation>Rename</translation>
        </message>
        <message>
            <source>删除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>请先填写部门名称</source>
            <translation>Please enter a department name first</translation>
        </message>
        <message>
            <source>已有名为“{0}”的部门</source>
            <translation>A department named "{0}" already exists</translation>
        </message>
        <message>
            <source>部门名称不能为空</source>
            <translation>The department name cannot be empty</translation>
        </message>
        <message>
            <source>“{0}”太长,最多 40 字</source>
            <translation>"{0}" is too long: at most 40 characters</translation>
        </message>
        <message>
            <source>部门重名:{0}</source>
            <translation>Duplicate department: {0}</translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <source>回音 · 首次设置</source>
            <translation>Huiyin · first setup</translation>
        </message>
        <message>
            <source>跳过此页</source>
            <translation>Skip this page</translation>
        </message>
        <message>
            <source>&lt; 上一步</source>
            <translation>&lt; Back</translation>
        </message>
        <message>
            <source>下一步 &gt;</source>
            <translation>Next &gt;</translation>
        </message>
        <message>
            <source>开始使用</source>
            <translation>Start</translation>
        </message>
        <message>
            <source>退出</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>以后再设置</source>
            <translation>Set up later</translation>
        </message>
    </context>
    <context>
        <name>FirstRunDonePage</name>
        <message>
            <source>完成</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>设置完成,可以开始使用了。</source>
            <translation>Setup complete: you can start working.</translation>
        </message>
        <message>
            <source>以上各项以后都可以在「设置」中修改。</source>
            <translation>Everything above can be changed later in "Settings".</translation>
        </message>
        <message>
            <source>(自定义)</source>
            <translation>(custom)</translation>
        </message>
        <message>
            <source>服务中心</source>
            <translation>Service centre</translation>
        </message>
        <message>
            <source>管理员</source>
            <translation>Administrator</translation>
        </message>
        <message>
            <source>房号</source>
            <translation>Room</translation>
        </message>
        <message>
            <source>{0} 户,业主 {1} 人</source>
            <translation>{0} homes, {1} owners</translation>
        </message>
        <message>
            <source>未设(可在办案时随填随建,或以后导入业主名册)</source>
            <translation>Not set (add while handling cases, or import the owner register later)</translation>
        </message>
        <message>
            <source>部门</source>
            <translation>Department</translation>
        </message>
        <message>
            <source>无</source>
            <translation>None</translation>
        </message>
        <message>
            <source>人员</source>
            <translation>Staff</translation>
        </message>
        <message>
            <source>仅管理员</source>
            <translation>Administrator only</translation>
        </message>
        <message>
            <source>回访制度</source>
            <translation>Visit policy</translation>
        </message>
        <message>
            <source>备份文件夹</source>
            <translation>Backup folder</translation>
        </message>
    </context>
    <context>
        <name>FirstRunPolicyPage</name>
        <message>
            <source>投诉</source>
            <translation>Complaint</translation>
        </message>
        <message>
            <source>维修</source>
            <translation>Repairs</translation>
        </message>
        <message>
            <source>个工作日</source>
            <translation>working days</translation>
        </message>
        <message>
            <source>天</source>
            <translation>days</translation>
        </message>
        <message>
            <source>{0}办结后 {1} {2}内回访,回访率 {3}</source>
            <translation>{0}: visit within {1} {2} of resolution, visit rate {3}</translation>
        </message>
        <message>
            <source>回访制度</source>
            <translation>Visit policy</translation>
        </message>
        <message>
            <source>选一套最接近本处规程的回访制度;各项天数和回访率以后可在「设置 › 回访制度」中逐项修改。</source>
            <translation>Choose the visit policy closest to your office's procedures; the days and visit rates can be changed one by one later in "Settings › Visit policy".</translation>
        </message>
    </context>
    <context>
        <name>FirstRunRoomsPage</name>
        <message>
            <source>楼栋与房号</source>
            <translation>Buildings and rooms</translation>
        </message>
        <message>
            <source>按范围填写,程序生成全部房号;也可以从业主名册(Excel)导入。不填则跳过。</source>
            <translation>Enter ranges and the program makes every room number; or import from the owner register (Excel). Leave empty to skip.</translation>
        </message>
        <message>
            <source>楼栋</source>
            <translation>Building</translation>
        </message>
        <message>
            <source>如 1-12、1,3,5-7、A,B,C、S1-S6</source>
            <translation>e.g. 1-12, 1,3,5-7, A,B,C, S1-S6</translation>
        </message>
        <message>
            <source>单元</source>
            <translation>Units</translation>
        </message>
        <message>
            <source>如 1-3;没有单元就空着</source>
            <translation>e.g. 1-3; leave empty when there are no units</translation>
        </message>
        <message>
            <source>房号</source>
            <translation>Room</translation>
        </message>
        <message>
            <source>如 101-1804,或逐个列出 101,102,201</source>
            <translation>e.g. 101-1804, or list them: 101,102,201</translation>
        </message>
        <message>
            <source>从业主名册导入…</source>
            <translation>Import from owner register…</translation>
        </message>
        <message>
            <source>名册第一行为列名:楼栋、单元、房号、姓名(必填楼栋、房号、姓名),还可有类型、联系电话等。</source>
            <translation>The register's first row holds the column names: 楼栋, 单元, 房号, 姓名 (building, room and name required); 类型, 联系电话 and others may follow.</translation>
        </message>
        <message>
            <source>房号 101-1804 表示 1 至 18 层、每层 01 至 04 户;写 0101-1804 则保留四位。</source>
            <translation>Rooms 101-1804 means floors 1 to 18 with homes 01 to 04 on each; write 0101-1804 to keep four digits.</translation>
        </message>
        <message>
            <source>现有房号 {0} 户,业主 {1} 人。</source>
            <translation>Now {0} homes and {1} owners.</translation>
        </message>
        <message>
            <source>将生成 {0} 户:{1}</source>
            <translation>Will create {0} homes: {1}</translation>
        </message>
        <message>
            <source>选择业主名册</source>
            <translation>Choose owner register</translation>
        </message>
        <message>
            <source>Excel 文件 (*.xlsx)</source>
            <translation>Excel files (*.xlsx)</translation>
        </message>
        <message>
            <source>……共 {0} 处</source>
            <translation>……{0} in all</translation>
        </message>
        <message>
            <source>未导入:{0}</source>
            <translation>Not imported: {0}</translation>
        </message>
        <message>
            <source>导入业主名册</source>
            <translation>Import owner register</translation>
        </message>
        <message>
            <source>正在导入业主名册…</source>
            <translation>Importing the owners list…</translation>
        </message>
    </context>
    <context>
        <name>FirstRunStaffPage</name>
        <message>
            <source>人员</source>
            <translation>Staff</translation>
        </message>
        <message>
            <source>登记同事及其角色。物管员填写负责的楼栋(如 1,2,5),回访任务会按楼栋分给他。登录名和密码可以以后再设。</source>
            <translation>Enter your colleagues and their roles. For stewards enter their buildings (e.g. 1,2,5); visit tasks are assigned by building. Logins and passwords can be set later.</translation>
        </message>
        <message>
            <source>添加一行</source>
            <translation>Add a row</translation>
        </message>
        <message>
            <source>删除选中行</source>
            <translation>Delete selected rows</translation>
        </message>
        <message>
            <source>(无)</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>如 1,2,5</source>
            <translation>e.g. 1,2,5</translation>
        </message>
        <message>
            <source>第 {0} 行 {1}:{2}</source>
            <translation>Row {0} {1}: {2}</translation>
        </message>
        <message>
            <source>设了登录名,请同时设密码</source>
            <translation>A login is set: please set a password too</translation>
        </message>
        <message>
            <source>设了密码,请同时填写登录名</source>
            <translation>A password is set: please enter a login too</translation>
        </message>
    </context>
    <context>
        <name>FirstRunWelcomePage</name>
        <message>
            <source>欢迎使用回音</source>
            <translation>Welcome to Huiyin</translation>
        </message>
        <message>
            <source>件件有着落,事事有回音。第一次使用,请填写服务中心名称并设立第一位管理员。</source>
            <translation>Every matter followed up, every call answered. This is the first use: enter the service centre's name and set up the first administrator.</translation>
        </message>
        <message>
            <source>建立并继续</source>
            <translation>Create and continue</translation>
        </message>
        <message>
            <source>例如:阳光花园物业服务中心</source>
            <translation>e.g. Sunshine Garden Property Service Centre</translation>
        </message>
        <message>
            <source>例如:王芳</source>
            <translation>e.g. Wang Fang</translation>
        </message>
        <message>
            <source>至少 6 位</source>
            <translation>At least 6 characters</translation>
        </message>
        <message>
            <source>与上面相同</source>
            <translation>Same as above</translation>
        </message>
        <message>
            <source>服务中心名称</source>
            <translation>Service centre name</translation>
        </message>
        <message>
            <source>印在各种表格的抬头</source>
            <translation>Printed at the head of every form</translation>
        </message>
        <message>
            <source>管理员姓名</source>
            <translation>Administrator's name</translation>
        </message>
        <message>
            <source>管理员登录名</source>
            <translation>Administrator's login</translation>
        </message>
        <message>
            <source>登录时输入</source>
            <translation>Typed when logging in</translation>
        </message>
        <message>
            <source>密码</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>再输一次密码</source>
            <translation>Password again</translation>
        </message>
        <message>
            <source>数据保存在:{0}</source>
            <translation>Data is kept in: {0}</translation>
        </message>
        <message>
            <source>只有这一页必须填写;后面各页都可以跳过,以后在「设置」中补上。</source>
            <translation>Only this page is required; the later pages can be skipped and filled in later in "Settings".</translation>
        </message>
        <message>
            <source>两次输入的密码不一致</source>
            <translation>The two passwords differ</translation>
        </message>
    </context>
    <context>
        <name>FollowUpDialog</name>
        <message>
            <source>跟进 — {0}</source>
            <translation>Follow up — {0}</translation>
        </message>
        <message>
            <source>登记</source>
            <translation>Record</translation>
        </message>
        <message>
            <source>记录向开发商了解的进展,以及向业主反馈的情况。</source>
            <translation>Record what the developer said about the progress, and what the owner was told.</translation>
        </message>
        <message>
            <source>例如 电话询问开发商客服,答复下周安排维修;已告知业主</source>
            <translation>e.g. phoned the developer's customer centre: repair next week; the owner was told</translation>
        </message>
        <message>
            <source>安排下次跟进</source>
            <translation>Follow up again on</translation>
        </message>
        <message>
            <source>跟进时间(&amp;A)</source>
            <translation>Followed up &amp;at</translation>
        </message>
        <message>
            <source>跟进人(&amp;B)</source>
            <translation>Followed up &amp;by</translation>
        </message>
        <message>
            <source>跟进情况(&amp;C)</source>
            <translation>What was learnt (&amp;C)</translation>
        </message>
        <message>
            <source>下次跟进(&amp;N)</source>
            <translation>&amp;Next follow-up</translation>
        </message>
    </context>
    <context>
        <name>FollowUpPage</name>
        <message>
            <source>没有待送达的返工通知。</source>
            <translation>No rework notices waiting for delivery.</translation>
        </message>
        <message>
            <source>签收人姓名</source>
            <translation>Name of recipient</translation>
        </message>
        <message>
            <source>已送达</source>
            <translation>Delivered</translation>
        </message>
        <message>
            <source>所选通知由</source>
            <translation>Selected notice, received by</translation>
        </message>
        <message>
            <source>签收</source>
            <translation>Sign for</translation>
        </message>
        <message>
            <source>返工通知(不满意回访后 24 小时内书面送达责任人)</source>
            <translation>Rework notices (delivered in writing to the responsible person within 24 hours of a dissatisfied visit)</translation>
        </message>
        <message>
            <source>没有待答复的问题。</source>
            <translation>No questions waiting for an answer.</translation>
        </message>
        <message>
            <source>答复内容:已如何答复客户</source>
            <translation>Answer: how the customer was answered</translation>
        </message>
        <message>
            <source>答复</source>
            <translation>Answer</translation>
        </message>
        <message>
            <source>所选问题的答复</source>
            <translation>Answer to the selected question</translation>
        </message>
        <message>
            <source>待答复问题(回访时未能当场答复,约定日期答复)</source>
            <translation>Open questions (not answered during the visit; answer by the promised date)</translation>
        </message>
        <message>
            <source>逾期 {0}</source>
            <translation>{0} overdue</translation>
        </message>
        <message>
            <source>还剩 {0}</source>
            <translation>{0} left</translation>
        </message>
        <message>
            <source>(未定)</source>
            <translation>(not set)</translation>
        </message>
        <message>
            <source>逾期 {0} 天</source>
            <translation>{0} days overdue</translation>
        </message>
        <message>
            <source>今天到期</source>
            <translation>Due today</translation>
        </message>
        <message>
            <source>还剩 {0} 天</source>
            <translation>{0} days left</translation>
        </message>
        <message>
            <source>请先在上面选中一条返工通知</source>
            <translation>Please select a rework notice above first</translation>
        </message>
        <message>
            <source>{0} 的返工通知已送达,签收人 {1}。</source>
            <translation>The rework notice of {0} was delivered, received by {1}.</translation>
        </message>
        <message>
            <source>请先在上面选中一个问题</source>
            <translation>Please select a question above first</translation>
        </message>
        <message>
            <source>已答复:{0}</source>
            <translation>Answered: {0}</translation>
        </message>
    </context>
    <context>
        <name>ForgotPasswordDialog</name>
        <message>
            <source>忘记密码 - 回音</source>
            <translation>Forgot password - Huiyin</translation>
        </message>
        <message>
            <source>输入设立时打印的恢复密钥单上的密钥(不区分大小写,短横线可省略),为管理员设一个新密码。</source>
            <translation>Type the key from the recovery key sheet printed at set-up (any case, dashes may be left out) and give an administrator a new password.</translation>
        </message>
        <message>
            <source>恢复密钥</source>
            <translation>Recovery key</translation>
        </message>
        <message>
            <source>管理员登录名</source>
            <translation>Administrator's login</translation>
        </message>
        <message>
            <source>新密码</source>
            <translation>New password</translation>
        </message>
        <message>
            <source>再输一次</source>
            <translation>Again</translation>
        </message>
        <message>
            <source>设新密码并登录</source>
            <translation>Set password and log in</translation>
        </message>
        <message>
            <source>两次输入的密码不一致</source>
            <translation>The two passwords differ</translation>
        </message>
    </context>
    <context>
        <name>FormLedger</name>
        <message>
            <source>回访 #{0}(第{1}次,{2}) {3}</source>
            <translation>Visit #{0} (attempt {1}, {2}) {3}</translation>
        </message>
    </context>
    <context>
        <name>FormLedgerPage</name>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>打印空白表…</source>
            <translation>Print blank forms…</translation>
        </message>
        <message>
            <source>领用…</source>
            <translation>Take out…</translation>
        </message>
        <message>
            <source>交回…</source>
            <translation>Return…</translation>
        </message>
        <message>
            <source>作废…</source>
            <translation>Void…</translation>
        </message>
        <message>
            <source>打印签收表…</source>
            <translation>Print sign-out sheet…</translation>
        </message>
        <message>
            <source>季度归档…</source>
            <translation>Quarterly filing…</translation>
        </message>
        <message>
            <source>销毁登记…</source>
            <translation>Record destruction…</translation>
        </message>
        <message>
            <source>导入扫描件…</source>
            <translation>Import scans…</translation>
        </message>
        <message>
            <source>查看扫描件…</source>
            <translation>View scans…</translation>
        </message>
        <message>
            <source>选中的表单交回后扫描的纸面(含客户签字)</source>
            <translation>The selected form's paper as scanned after it came back (with the customer's signature)</translation>
        </message>
        <message>
            <source>扫描或输入编号,回车</source>
            <translation>Scan or type no.</translation>
        </message>
        <message>
            <source>查找编号</source>
            <translation>Find number</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>领用人</source>
            <translation>Taken by</translation>
        </message>
        <message>
            <source>领用人 / 编号</source>
            <translation>Taken by / number</translation>
        </message>
        <message>
            <source>已领用</source>
            <translation>Taken out</translation>
        </message>
        <message>
            <source>{0} · 超期</source>
            <translation>{0} · out too long</translation>
        </message>
        <message>
            <source>{0} 天(超期)</source>
            <translation>{0} days (too long)</translation>
        </message>
        <message>
            <source>{0} 天</source>
            <translation>{0} days</translation>
        </message>
        <message>
            <source>附扫描件 {0}</source>
            <translation>scan attached: {0}</translation>
        </message>
        <message>
            <source>显示 {0} 张 / 共 {1} 张;在外 {2} 张</source>
            <translation>Showing {0} of {1} forms; {2} out</translation>
        </message>
        <message>
            <source>,&lt;b style='color:{2}'&gt;超期未交回 {0} 张&lt;/b&gt;(领用超过 {1} 天)</source>
            <translation>, &lt;b style='color:{2}'&gt;{0} overdue for return&lt;/b&gt; (out longer than {1} days)</translation>
        </message>
        <message>
            <source>;待归档 {0} 张(逾期)</source>
            <translation>; {0} to file (late)</translation>
        </message>
        <message>
            <source>;待归档 {0} 张</source>
            <translation>; {0} to file</translation>
        </message>
        <message>
            <source>回访次数</source>
            <translation>Visit count</translation>
        </message>
        <message>
            <source>&lt;b&gt;在外表单&lt;/b&gt;:{0} 人 {1} 张</source>
            <translation>&lt;b&gt;Forms out&lt;/b&gt;: {0} people, {1} forms</translation>
        </message>
        <message>
            <source>{0}  {1} 张</source>
            <translation>{0}  {1} forms</translation>
        </message>
        <message>
            <source>(未记名)</source>
            <translation>(no name)</translation>
        </message>
        <message>
            <source>,{0} 张超期</source>
            <translation>, {0} out too long</translation>
        </message>
        <message>
            <source>  超期</source>
            <translation>  out too long</translation>
        </message>
        <message>
            <source>没有在外的表单</source>
            <translation>No forms out</translation>
        </message>
        <message>
            <source>{0}:{1}{2}</source>
            <translation>{0}: {1}{2}</translation>
        </message>
        <message>
            <source>请先在台账中选中一张表(或在“查找编号”中扫描编号)</source>
            <translation>Please select a form in the ledger first (or scan its number into "Find number")</translation>
        </message>
        <message>
            <source>空白回访记录表({0} 份)</source>
            <translation>Blank visit record forms ({0})</translation>
        </message>
        <message>
            <source>空白回访记录表.pdf</source>
            <translation>Blank visit record forms.pdf</translation>
        </message>
        <message>
            <source>请选择领用人</source>
            <translation>Choose who takes the forms</translation>
        </message>
        <message>
            <source>{0} 已由 {1} 领用</source>
            <translation>{0} taken out by {1}</translation>
        </message>
        <message>
            <source>{0} 已交回,核对人 {1}</source>
            <translation>{0} returned, checked by {1}</translation>
        </message>
        <message>
            <source>{0} 已作废</source>
            <translation>{0} voided</translation>
        </message>
        <message>
            <source>{0}的 {1} 份表单已记为归档</source>
            <translation>{0}: {1} forms marked as filed</translation>
        </message>
        <message>
            <source>已登记销毁 {0} 份,销毁人 {1};台账中的记录保留</source>
            <translation>{0} forms recorded as destroyed by {1}; the ledger rows stay</translation>
        </message>
        <message>
            <source>请先在台账里选中一张表单。</source>
            <translation>Select a form in the ledger first.</translation>
        </message>
        <message>
            <source>{0} 还没有扫描件:交回的纸质表可用“导入扫描件…”读入。</source>
            <translation>{0} has no scan yet: read returned paper forms in with "Import scans…".</translation>
        </message>
        <message>
            <source>回访记录签收表</source>
            <translation>Visit record form sign-out sheet</translation>
        </message>
        <message>
            <source>回访记录签收表.pdf</source>
            <translation>Visit record form sign-out sheet.pdf</translation>
        </message>
    </context>
    <context>
        <name>HandlingTab</name>
        <message>
            <source>逾期案件(双击打开)</source>
            <translation>Overdue cases (double-click to open)</translation>
        </message>
        <message>
            <source>处理指标</source>
            <translation>Handling measures</translation>
        </message>
        <message>
            <source>受理件数(按性质)</source>
            <translation>Received (by kind)</translation>
        </message>
        <message>
            <source>本期逾期案件</source>
            <translation>Overdue cases this period</translation>
        </message>
        <message>
            <source>回复超时(双击打开)</source>
            <translation>Late replies (double-click to open)</translation>
        </message>
        <message>
            <source>超时项</source>
            <translation>Late</translation>
        </message>
        <message>
            <source>本期首次回复超时、明确答复超时</source>
            <translation>Late first replies and late clear answers this period</translation>
        </message>
        <message>
            <source>受理件数</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>办结率</source>
            <translation>Resolved rate</translation>
        </message>
        <message>
            <source>逾期件数</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <source>延期次数</source>
            <translation>Extensions</translation>
        </message>
        <message>
            <source>首次响应 中位数</source>
            <translation>First response, median</translation>
        </message>
        <message>
            <source>首次响应 P90</source>
            <translation>First response, P90</translation>
        </message>
        <message>
            <source>办结用时 中位数</source>
            <translation>Time to resolve, median</translation>
        </message>
        <message>
            <source>办结用时 P90</source>
            <translation>Time to resolve, P90</translation>
        </message>
        <message>
            <source>首次回复超时</source>
            <translation>Late first replies</translation>
        </message>
        <message>
            <source>首次回复超时率</source>
            <translation>Late first reply rate</translation>
        </message>
        <message>
            <source>明确答复超时(重大投诉)</source>
            <translation>Late clear answers (major complaints)</translation>
        </message>
        <message>
            <source>转交开发商(件)</source>
            <translation>Forwarded to the developer (cases)</translation>
        </message>
        <message>
            <source>开发商逾期未回复(份)</source>
            <translation>Developer replies overdue (letters)</translation>
        </message>
        <message>
            <source>投诉率(每百户)</source>
            <translation>Complaint rate (per 100 households)</translation>
        </message>
        <message>
            <source>本期没有逾期案件。</source>
            <translation>No overdue cases in this period.</translation>
        </message>
        <message>
            <source>首次回复</source>
            <translation>First reply</translation>
        </message>
        <message>
            <source>明确答复</source>
            <translation>Definite answer</translation>
        </message>
        <message>
            <source>本期没有回复超时的案件。</source>
            <translation>No late replies this period.</translation>
        </message>
    </context>
    <context>
        <name>HelpDialog</name>
        <message>
            <source>回音 使用帮助</source>
            <translation>Huiyin help</translation>
        </message>
    </context>
    <context>
        <name>History</name>
        <message>
            <source>是</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>否</source>
            <translation>No</translation>
        </message>
        <message>
            <source>签名({0} 笔)</source>
            <translation>Signature ({0} strokes)</translation>
        </message>
        <message>
            <source>文件({0})</source>
            <translation>File ({0})</translation>
        </message>
        <message>
            <source>******</source>
            <translation>******</translation>
        </message>
        <message>
            <source>(已更改,不记录内容)</source>
            <translation>(changed; value not recorded)</translation>
        </message>
        <message>
            <source>顾客</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>回访人</source>
            <translation>Visitor</translation>
        </message>
        <message>
            <source>{0}:{1}</source>
            <translation>{0}: {1}</translation>
        </message>
        <message>
            <source>;</source>
            <translation>; </translation>
        </message>
        <message>
            <source>{0}({1})</source>
            <translation>{0} ({1})</translation>
        </message>
        <message>
            <source>(空)</source>
            <translation>(empty)</translation>
        </message>
    </context>
    <context>
        <name>HistoryDialog</name>
        <message>
            <source>修改记录 — {0}</source>
            <translation>Change history — {0}</translation>
        </message>
        <message>
            <source>&lt;b&gt;{0}&lt;/b&gt; 的全部修改与查看记录(按时间先后,来自审计记录,不可更改)</source>
            <translation>All changes to and views of &lt;b&gt;{0}&lt;/b&gt; (in time order, from the audit log, cannot be changed)</translation>
        </message>
        <message>
            <source>没有记录。</source>
            <translation>No records.</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>HolidaysPage</name>
        <message>
            <source> 年</source>
            <translation> </translation>
        </message>
        <message>
            <source>放假</source>
            <translation>Holiday</translation>
        </message>
        <message>
            <source>调休上班</source>
            <translation>Make-up workday</translation>
        </message>
        <message>
            <source>如 春节</source>
            <translation>e.g. Spring Festival</translation>
        </message>
        <message>
            <source>保存到节假日表</source>
            <translation>Save to holiday table</translation>
        </message>
        <message>
            <source>删除所选日期</source>
            <translation>Delete selected date</translation>
        </message>
        <message>
            <source>载入国务院通知…</source>
            <translation>Load State Council notice…</translation>
        </message>
        <message>
            <source>本年安排已按国务院通知录入完毕</source>
            <translation>This year's arrangement is entered from the State Council notice</translation>
        </message>
        <message>
            <source>年份</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>录入或修改</source>
            <translation>Add or change</translation>
        </message>
        <message>
            <source>从</source>
            <translation>From</translation>
        </message>
        <message>
            <source>到</source>
            <translation>To</translation>
        </message>
        <message>
            <source>类型</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>名称</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>此页的修改立即生效。这里录入的日期优先于内置的国务院安排;一次可录入连续几天(如春节假期)。“调休上班”用于须上班的周末。</source>
            <translation>Changes on this page take effect at once. Dates entered here take precedence over the built-in State Council schedule; several consecutive days can be entered at once (e.g. the Spring Festival holiday). "Make-up workday" is for weekends that are working days.</translation>
        </message>
        <message>
            <source>内置日历已包含 %1 年国务院放假安排;本处另有安排时才需在此录入。</source>
            <translation>The built-in calendar has the State Council holiday schedule for %1; enter dates here only where your office differs.</translation>
        </message>
        <message>
            <source>%1 年国务院放假安排尚未录入:暂按法定节日推算(表中“暂定”各行),调休上班日未知。安排公布后请点“载入国务院通知…”粘贴通知全文,或逐日录入后勾选“本年安排已按国务院通知录入完毕”。</source>
            <translation>The State Council holiday arrangement for %1 is not entered yet: the statutory holidays are used (the "provisional" rows), make-up working days are unknown. Once published, click "Load State Council notice…" and paste the whole notice, or enter the days and tick "This year's arrangement is entered from the State Council notice".</translation>
        </message>
        <message>
            <source>%1 年的安排已按国务院通知录入;未录入的日子按周一至周五上班计算。</source>
            <translation>The arrangement for %1 is entered from the State Council notice; days not listed count Monday to Friday as working days.</translation>
        </message>
        <message>
            <source>放假(暂定)</source>
            <translation>Day off (provisional)</translation>
        </message>
        <message>
            <source>按法定节日推算,尚未按国务院通知确认</source>
            <translation>From the statutory holidays; not yet confirmed by the State Council notice</translation>
        </message>
        <message>
            <source>已按新的节假日重算 {0} 件未结案件的期限({1}),每件的时间线上写明了原因。</source>
            <translation>Deadlines of {0} open cases recomputed with the new holidays ({1}); each timeline says why.</translation>
        </message>
        <message>
            <source>未结案件的期限不受这次修改影响。</source>
            <translation>This change does not move any open case's deadlines.</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <source>文件:{0}</source>
            <translation>File: {0}</translation>
        </message>
        <message>
            <source>跳过错误行(正确的行照常导入,错误行另存到旁边的文件)</source>
            <translation>Skip rows with errors (good rows are imported; rows with errors are saved to a file alongside)</translation>
        </message>
        <message>
            <source>正在读取文件…</source>
            <translation>Reading the file…</translation>
        </message>
        <message>
            <source>正在导出…</source>
            <translation>Exporting…</translation>
        </message>
        <message>
            <source>发现的问题会列在这里</source>
            <translation>Problems found are listed here</translation>
        </message>
        <message>
            <source>表中的列</source>
            <translation>Column in the file</translation>
        </message>
        <message>
            <source>导入为</source>
            <translation>Import as</translation>
        </message>
        <message>
            <source>第一行的内容</source>
            <translation>First row</translation>
        </message>
        <message>
            <source>每一列导入到哪里(可以改):</source>
            <translation>Where each column goes (you can change it):</translation>
        </message>
        <message>
            <source>开始导入</source>
            <translation>Start import</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>跳过错误行导入</source>
            <translation>Import, skipping rows with errors</translation>
        </message>
        <message>
            <source>无法读取这个文件,请确认它是 Excel 文件(.xlsx)并且没有在别处打开。</source>
            <translation>This file cannot be read. Make sure it is an Excel file (.xlsx) and is not open elsewhere.</translation>
        </message>
        <message>
            <source>自动识别</source>
            <translation>Recognised automatically</translation>
        </message>
        <message>
            <source>已改过或沿用上次的对应</source>
            <translation>Changed, or kept from last time</translation>
        </message>
        <message>
            <source>表头在第 {0} 行。</source>
            <translation>Headers in row {0}. </translation>
        </message>
        <message>
            <source>表头在第 {0} 行,约 {1} 行数据。</source>
            <translation>Headers in row {0}, about {1} rows of data. </translation>
        </message>
        <message>
            <source>标题“{0}”。</source>
            <translation>Title "{0}". </translation>
        </message>
        <message>
            <source>表中没有“性质”列,按标题全部记为“{0}”。</source>
            <translation>The sheet has no 性质 (kind) column: every row is taken as "{0}" from the title.</translation>
        </message>
        <message>
            <source>列的对应沿用了上次导入同样表头的文件时的选择。</source>
            <translation>The columns are matched as chosen last time for a file with the same headers.</translation>
        </message>
        <message>
            <source>前 {0} 行读入后的样子(红色的格子读不懂,指向它可看原因):</source>
            <translation>The first {0} rows as they will be read (red cells cannot be read; point at one to see why):</translation>
        </message>
        <message>
            <source>行</source>
            <translation>Row</translation>
        </message>
        <message>
            <source>其他问题</source>
            <translation>Other problems</translation>
        </message>
        <message>
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <source>还缺少必需的列:{0}。请在左边为它选一列。</source>
            <translation>A required column is still missing: {0}. Choose a column for it on the left.</translation>
        </message>
        <message>
            <source>前 {0} 行中有 {1} 行有读不懂的内容;导入时每一处都会按行和列列出。</source>
            <translation>{1} of the first {0} rows hold values that cannot be read; the import lists each one by row and column.</translation>
        </message>
        <message>
            <source>正在取消,已读入的内容都不会保存…</source>
            <translation>Cancelling; nothing read so far will be saved…</translation>
        </message>
        <message>
            <source>正在导入…</source>
            <translation>Importing…</translation>
        </message>
        <message>
            <source>没有权限写入 {0},请关闭在 Excel 中打开的该文件或换一个文件夹</source>
            <translation>No permission to write {0}: close the file if it is open in Excel, or choose another folder</translation>
        </message>
        <message>
            <source>出错了:{0}</source>
            <translation>Something went wrong: {0}</translation>
        </message>
    </context>
    <context>
        <name>IntakeForm</name>
        <message>
            <source>请选择类别</source>
            <translation>Please choose a category</translation>
        </message>
        <message>
            <source>办结按业主要求的时间:{0} 前</source>
            <translation>Finish by the owner's date: before {0}</translation>
        </message>
        <message>
            <source>业主要求的时间只用于轻微投诉,此件按制度期限</source>
            <translation>The owner's requested date applies to minor complaints only; this case keeps the policy deadline</translation>
        </message>
        <message>
            <source>期限落在 {0} 年:该年国务院放假安排尚未录入,暂按法定节日推算(暂定)。安排公布后请在“设置 → 节假日”载入,期限会自动重算。</source>
            <translation>A deadline falls in {0}: the State Council holiday arrangement for that year is not entered yet, so the statutory holidays are used (provisional). Once it is published, load it under Settings → Holidays and deadlines are recomputed.</translation>
        </message>
        <message>
            <source>先行处置 {0} 前</source>
            <translation>Contain by {0}</translation>
        </message>
        <message>
            <source>号码 %s 不在业主资料中</source>
            <translation>Number %s is not in the owner files</translation>
        </message>
        <message>
            <source>来电号码属于 %s</source>
            <translation>The caller's number belongs to %s</translation>
        </message>
        <message>
            <source>已恢复上次未保存的草稿。</source>
            <translation>Restored the draft that was not saved last time.</translation>
        </message>
        <message>
            <source>夜班</source>
            <translation>Night shift</translation>
        </message>
        <message>
            <source>正在把夜间值班记录转为案件(%s %s 记录)。请补全性质、类别后保存。</source>
            <translation>Converting a night duty record into a case (record of %s %s). Complete the kind and category, then save.</translation>
        </message>
        <message>
            <source>已登记 %s</source>
            <translation>Registered %s</translation>
        </message>
        <message>
            <source>,并已并入 %s</source>
            <translation>, and merged into %s</translation>
        </message>
        <message>
            <source>(由夜间值班记录转入)</source>
            <translation>(from the night duty log)</translation>
        </message>
    </context>
    <context>
        <name>IntakeSide</name>
        <message>
            <source>处理时限</source>
            <translation>Deadlines</translation>
        </message>
        <message>
            <source>本房历史</source>
            <translation>History of this home</translation>
        </message>
        <message>
            <source>编号</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>性质</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>类别</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>填写房号后,这里显示该房间以往的案件。</source>
            <translation>Enter a room number to see that home's earlier cases here.</translation>
        </message>
        <message>
            <source>本房历史 %s(%d 件)</source>
            <translation>History of %s (%d cases)</translation>
        </message>
        <message>
            <source>该房间没有以往的案件。</source>
            <translation>No earlier cases for this home.</translation>
        </message>
        <message>
            <source>⚠ 可能是同一件事(同一问题多次投诉应作一次记录):%d 件</source>
            <translation>⚠ Possibly the same matter (repeated complaints about one problem are recorded once): %d cases</translation>
        </message>
        <message>
            <source>并入此案</source>
            <translation>Merge into this case</translation>
        </message>
        <message>
            <source>已选·将并入</source>
            <translation>Selected · will merge</translation>
        </message>
        <message>
            <source>若是同一件事,点“并入此案”,保存时登记后并入该案。</source>
            <translation>If it is the same matter, click "Merge into this case": on saving it is registered and merged into that case.</translation>
        </message>
        <message>
            <source>保存时将登记本次来电并并入 %s。</source>
            <translation>On saving this call is registered and merged into %s.</translation>
        </message>
    </context>
    <context>
        <name>IntakeView</name>
        <message>
            <source>受理登记</source>
            <translation>Intake</translation>
        </message>
        <message>
            <source>登记人:%s    Ctrl+S 或 Ctrl+Enter 保存</source>
            <translation>Registered by: %s    Ctrl+S or Ctrl+Enter to save</translation>
        </message>
        <message>
            <source>放弃转换</source>
            <translation>Cancel conversion</translation>
        </message>
        <message>
            <source>清空</source>
            <translation>Clear</translation>
        </message>
        <message>
            <source>清空表单(渠道保留)</source>
            <translation>Clear the form (channel kept)</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>保存并登记 (Ctrl+S / Ctrl+Enter)</source>
            <translation>Save and register (Ctrl+S / Ctrl+Enter)</translation>
        </message>
        <message>
            <source>来源与客户</source>
            <translation>Source and customer</translation>
        </message>
        <message>
            <source>渠道</source>
            <translation>Channel</translation>
        </message>
        <message>
            <source>受理时间</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>手机 11 位,或区号-座机</source>
            <translation>11-digit mobile, or area code-landline</translation>
        </message>
        <message>
            <source>房号</source>
            <translation>Room</translation>
        </message>
        <message>
            <source>联系电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>业主或租户姓名</source>
            <translation>Owner's or tenant's name</translation>
        </message>
        <message>
            <source>匿名(不留姓名和电话)</source>
            <translation>Anonymous (no name or phone kept)</translation>
        </message>
        <message>
            <source>客户姓名</source>
            <translation>Customer name</translation>
        </message>
        <message>
            <source>事项</source>
            <translation>Matter</translation>
        </message>
        <message>
            <source>(暂不判定)</source>
            <translation>(not judged yet)</translation>
        </message>
        <message>
            <source>性质</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>有效性</source>
            <translation>Validity</translation>
        </message>
        <message>
            <source>需先行处置</source>
            <translation>Contain first</translation>
        </message>
        <message>
            <source>正在损害业主的(漏水、困梯、停电等)先制止损害、记录先行处置,再办理;期限按制度(默认 2 小时)</source>
            <translation>When the owner is being harmed right now (a leak, someone stuck in a lift, a power cut), stop the harm first and record it, then handle the case; the deadline is the policy's (2 hours by default)</translation>
        </message>
        <message>
            <source>程度</source>
            <translation>Severity</translation>
        </message>
        <message>
            <source>紧急程度</source>
            <translation>Urgency</translation>
        </message>
        <message>
            <source>请选择类别</source>
            <translation>Please choose a category</translation>
        </message>
        <message>
            <source>可不填;可选或直接输入</source>
            <translation>Optional: choose or type</translation>
        </message>
        <message>
            <source>细类</source>
            <translation>Sub-category</translation>
        </message>
        <message>
            <source>(暂不指定)</source>
            <translation>(not assigned yet)</translation>
        </message>
        <message>
            <source>类别</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>责任部门</source>
            <translation>Responsible department</translation>
        </message>
        <message>
            <source>知道事发时间时勾选</source>
            <translation>Tick when the time of the event is known</translation>
        </message>
        <message>
            <source>如 3 栋 2 单元楼道</source>
            <translation>e.g. stairwell, building 3 unit 2</translation>
        </message>
        <message>
            <source>事发时间</source>
            <translation>Time of event</translation>
        </message>
        <message>
            <source>事发地点</source>
            <translation>Place of event</translation>
        </message>
        <message>
            <source>投诉针对的部门或人员(可不填)</source>
            <translation>Department or person complained about (optional)</translation>
        </message>
        <message>
            <source>被投诉部门/人员</source>
            <translation>Complained about</translation>
        </message>
        <message>
            <source>业主要求在某日前办结时勾选(轻微投诉按此确定办结期限)</source>
            <translation>Tick when the owner asked for the matter to be finished by a date (for minor complaints this sets the deadline)</translation>
        </message>
        <message>
            <source>只要求书面答复(不回访)</source>
            <translation>Written reply only</translation>
        </message>
        <message>
            <source>业主只要书面答复:办结后不安排回访,复函附在案件上,附上复函才能关闭</source>
            <translation>The owner wants only a written reply: no visit is planned after the case is finished; the reply letter is attached to the case, and the case closes only once it is attached</translation>
        </message>
        <message>
            <source>业主损失较大(两人同时回访)</source>
            <translation>Large loss (2 visitors)</translation>
        </message>
        <message>
            <source>给业主造成较大经济损失的投诉:按制度由管理处经理与客服主任同时回访</source>
            <translation>A complaint that cost the owner a large loss: by the rules the office manager and the customer-service director visit together</translation>
        </message>
        <message>
            <source>业主要求的时间</source>
            <translation>Owner's requested date</translation>
        </message>
        <message>
            <source>已签合同</source>
            <translation>Contract signed</translation>
        </message>
        <message>
            <source>特约服务按合同中期和期满后回访;合同日期也可以以后在案件中登记</source>
            <translation>A special service is visited mid-contract and after the contract ends; the dates can also be entered later in the case</translation>
        </message>
        <message>
            <source>至</source>
            <translation>to</translation>
        </message>
        <message>
            <source>特约服务合同期</source>
            <translation>Service contract</translation>
        </message>
        <message>
            <source>经过与要求</source>
            <translation>What happened and request</translation>
        </message>
        <message>
            <source>客户反映的情况:什么时间、什么地方、发生了什么(必填)</source>
            <translation>What the customer reports: when, where, what happened (required)</translation>
        </message>
        <message>
            <source>内容 *</source>
            <translation>Content *</translation>
        </message>
        <message>
            <source>客户希望怎样解决</source>
            <translation>How the customer wants it solved</translation>
        </message>
        <message>
            <source>客户要求</source>
            <translation>Customer's request</translation>
        </message>
    </context>
    <context>
        <name>JobWorker</name>
        <message>
            <source>正在准备要打印的页面…</source>
            <translation>Preparing the pages to print…</translation>
        </message>
    </context>
    <context>
        <name>LeakTestDialog</name>
        <message>
            <source>登记闭水试验</source>
            <translation>Record the leak test</translation>
        </message>
        <message>
            <source>登记</source>
            <translation>Record</translation>
        </message>
        <message>
            <source>{0}:试漏合格后按制度安排回访。</source>
            <translation>{0}: the visit is planned by the policy after the leak test.</translation>
        </message>
        <message>
            <source>闭水试验日期</source>
            <translation>Leak test date</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>登录 - 回音</source>
            <translation>Log in - Huiyin</translation>
        </message>
        <message>
            <source>屏幕已锁定 - 回音</source>
            <translation>Screen locked - Huiyin</translation>
        </message>
        <message>
            <source>登录名</source>
            <translation>Login</translation>
        </message>
        <message>
            <source>密码</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>登录</source>
            <translation>Log in</translation>
        </message>
        <message>
            <source>较长时间无操作,屏幕已锁定。{0} 请重新输入密码;也可以换其他人登录。</source>
            <translation>The screen was locked after a long time without activity. {0} Please enter your password again, or log in as someone else.</translation>
        </message>
        <message>
            <source>忘记密码?</source>
            <translation>Forgot password?</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>回音 {0} — {1}</source>
            <translation>Huiyin {0} — {1}</translation>
        </message>
        <message>
            <source>正在备份…</source>
            <translation>Backing up…</translation>
        </message>
        <message>
            <source>没有权限</source>
            <translation>Not allowed</translation>
        </message>
        <message>
            <source>您的角色不能使用这一页。</source>
            <translation>Your role cannot use this page.</translation>
        </message>
        <message>
            <source>{0}公告</source>
            <translation>Notice for {0}</translation>
        </message>
        <message>
            <source>月度公告</source>
            <translation>Monthly notice</translation>
        </message>
        <message>
            <source>正在统计本月情况并生成公告…</source>
            <translation>Counting this month and making the notice…</translation>
        </message>
        <message>
            <source>投诉处理记录表-{0}</source>
            <translation>Complaint record-{0}</translation>
        </message>
        <message>
            <source>工作联系单-{0}</source>
            <translation>Work order-{0}</translation>
        </message>
        <message>
            <source>工作联系函-{0}</source>
            <translation>Letter to the developer-{0}</translation>
        </message>
        <message>
            <source>修改记录 — {0}</source>
            <translation>Change history — {0}</translation>
        </message>
        <message>
            <source>回访记录表-{0}</source>
            <translation>Visit record form-{0}</translation>
        </message>
        <message>
            <source>{0} · {1}</source>
            <translation>{0} · {1}</translation>
        </message>
        <message>
            <source>{0} · {1}({2})</source>
            <translation>{0} · {1} ({2})</translation>
        </message>
        <message>
            <source>未结 {0} · 逾期 {1} · 今日到期 {2}</source>
            <translation>Open {0} · Overdue {1} · Due today {2}</translation>
        </message>
        <message>
            <source>⚠ 备份:{0}</source>
            <translation>⚠ Backup: {0}</translation>
        </message>
        <message>
            <source>备份正常</source>
            <translation>Backup OK</translation>
        </message>
        <message>
            <source>文件(&amp;F)</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>导入案件台账(Excel)…</source>
            <translation>Import case ledger (Excel)…</translation>
        </message>
        <message>
            <source>导入业主名册(Excel)…</source>
            <translation>Import owner register (Excel)…</translation>
        </message>
        <message>
            <source>导出案件台账(Excel)…</source>
            <translation>Export case ledger (Excel)…</translation>
        </message>
        <message>
            <source>立即备份</source>
            <translation>Back up now</translation>
        </message>
        <message>
            <source>备份与恢复…</source>
            <translation>Backup and restore…</translation>
        </message>
        <message>
            <source>切换用户…</source>
            <translation>Switch user…</translation>
        </message>
        <message>
            <source>退出</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>日常(&amp;D)</source>
            <translation>&amp;Daily</translation>
        </message>
        <message>
            <source>工作台</source>
            <translation>Dashboard</translation>
        </message>
        <message>
            <source>新建受理</source>
            <translation>New intake</translation>
        </message>
        <message>
            <source>查找案件</source>
            <translation>Find case</translation>
        </message>
        <message>
            <source>逾期案件</source>
            <translation>Overdue cases</translation>
        </message>
        <message>
            <source>今日到期案件</source>
            <translation>Cases due today</translation>
        </message>
        <message>
            <source>今日回访</source>
            <translation>Visits today</translation>
        </message>
        <message>
            <source>夜间值班记录</source>
            <translation>Night duty log</translation>
        </message>
        <message>
            <source>打印上月公告…</source>
            <translation>Print last month's notice…</translation>
        </message>
        <message>
            <source>设置(&amp;S)</source>
            <translation>&amp;Settings</translation>
        </message>
        <message>
            <source>制度与期限…</source>
            <translation>Policy and deadlines…</translation>
        </message>
        <message>
            <source>回访制度…</source>
            <translation>Visit policy…</translation>
        </message>
        <message>
            <source>人员与部门…</source>
            <translation>Staff and departments…</translation>
        </message>
        <message>
            <source>帮助(&amp;H)</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>使用帮助</source>
            <translation>Help</translation>
        </message>
        <message>
            <source>关于回音</source>
            <translation>About Huiyin</translation>
        </message>
        <message>
            <source>选择案件台账</source>
            <translation>Choose case ledger</translation>
        </message>
        <message>
            <source>选择业主名册</source>
            <translation>Choose owner register</translation>
        </message>
        <message>
            <source>导出案件台账</source>
            <translation>Export case ledger</translation>
        </message>
        <message>
            <source>案件台账.xlsx</source>
            <translation>Case ledger.xlsx</translation>
        </message>
        <message>
            <source>正在复制数据…</source>
            <translation>Copying the data…</translation>
        </message>
        <message>
            <source>正在检查数据(审计记录与签名)…</source>
            <translation>Checking the data (audit trail and signatures)…</translation>
        </message>
        <message>
            <source>正在检查备份文件是否完好…</source>
            <translation>Checking that the backup file is whole…</translation>
        </message>
        <message>
            <source>正在轮换旧备份…</source>
            <translation>Removing old backups by the rotation…</translation>
        </message>
        <message>
            <source>备份</source>
            <translation>Backup</translation>
        </message>
        <message>
            <source>备份失败:{0}</source>
            <translation>Backup failed: {0}</translation>
        </message>
        <message>
            <source>&lt;h3&gt;回音 {0}&lt;/h3&gt;&lt;p&gt;件件有着落,事事有回音。&lt;/p&gt;&lt;p&gt;物业服务中心投诉、报修与回访管理。&lt;/p&gt;&lt;p&gt;数据文件夹:{1}&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Huiyin {0}&lt;/h3&gt;&lt;p&gt;Every matter followed up, every call answered.&lt;/p&gt;&lt;p&gt;Complaints, repair requests and follow-up visits for a property service centre.&lt;/p&gt;&lt;p&gt;Data folder: {1}&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>MajorReportTab</name>
        <message>
            <source>保存报告</source>
            <translation>Save report</translation>
        </message>
        <message>
            <source>提交品质部及总经理</source>
            <translation>Submit to Quality dept. and general manager</translation>
        </message>
        <message>
            <source>{0} 由{1}提交</source>
            <translation>{0} submitted by {1}</translation>
        </message>
        <message>
            <source>已于 {0} 取消:{1}</source>
            <translation>Cancelled on {0}: {1}</translation>
        </message>
        <message>
            <source>报品质部及总经理期限:</source>
            <translation>Due to Quality dept. and general manager:</translation>
        </message>
        <message>
            <source>重大投诉报告</source>
            <translation>Major complaint report</translation>
        </message>
        <message>
            <source>(已取消)</source>
            <translation> (cancelled)</translation>
        </message>
        <message>
            <source>({0})</source>
            <translation> ({0})</translation>
        </message>
    </context>
    <context>
        <name>MeasuresTab</name>
        <message>
            <source>管理处经理填写:针对本期问题的改进措施、责任部门与完成时间。</source>
            <translation>For the office manager: improvements for this period's problems, the responsible department and the completion date.</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>典型案例(本期)</source>
            <translation>Typical cases (this period)</translation>
        </message>
        <message>
            <source>改进措施</source>
            <translation>Improvements</translation>
        </message>
        <message>
            <source>本期没有标记为典型的案例(在案件详情中可标记)。</source>
            <translation>No cases marked typical in this period (mark them in the case details).</translation>
        </message>
        <message>
            <source>已存档于 {0:%Y-%m-%d %H:%M}</source>
            <translation>Archived on {0:%Y-%m-%d %H:%M}</translation>
        </message>
        <message>
            <source>尚未保存</source>
            <translation>Not saved yet</translation>
        </message>
        <message>
            <source>已保存 {0:%Y-%m-%d %H:%M}</source>
            <translation>Saved {0:%Y-%m-%d %H:%M}</translation>
        </message>
    </context>
    <context>
        <name>MergeDialog</name>
        <message>
            <source>如 TS-2026-00012</source>
            <translation>e.g. TS-2026-00012</translation>
        </message>
        <message>
            <source>查找</source>
            <translation>Find</translation>
        </message>
        <message>
            <source>输入另一件的编号,本案将并入该案件。</source>
            <translation>Enter the number of the other case; this case will be merged into it.</translation>
        </message>
        <message>
            <source>并入案件(&amp;N)</source>
            <translation>Merge i&amp;nto case</translation>
        </message>
        <message>
            <source>请输入案件编号</source>
            <translation>Enter a case number</translation>
        </message>
        <message>
            <source>找不到编号为“{0}”的案件</source>
            <translation>No case numbered "{0}"</translation>
        </message>
        <message>
            <source>匿名</source>
            <translation>Anonymous</translation>
        </message>
    </context>
    <context>
        <name>MonthGrid</name>
        <message>
            <source>休</source>
            <translation>Off</translation>
        </message>
        <message>
            <source>班</source>
            <translation>Work</translation>
        </message>
        <message>
            <source>回访月历</source>
            <translation>Visit calendar</translation>
        </message>
        <message>
            <source>{0}月{1}日</source>
            <translation>{0}/{1}</translation>
        </message>
        <message>
            <source>今天</source>
            <translation>Today</translation>
        </message>
        <message>
            <source>另{0}项…</source>
            <translation>{0} more…</translation>
        </message>
        <message>
            <source>无回访</source>
            <translation>No visits</translation>
        </message>
    </context>
    <context>
        <name>NameListPage</name>
        <message>
            <source>输入%1名称</source>
            <translation>Enter the %1 name</translation>
        </message>
        <message>
            <source>添加</source>
            <translation>Add</translation>
        </message>
        <message>
            <source>改名为</source>
            <translation>Rename to</translation>
        </message>
        <message>
            <source>删除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>上移</source>
            <translation>Move up</translation>
        </message>
        <message>
            <source>下移</source>
            <translation>Move down</translation>
        </message>
        <message>
            <source>%1名称不能为空</source>
            <translation>The %1 name cannot be empty</translation>
        </message>
        <message>
            <source>%1名称最多 %2 字</source>
            <translation>The %1 name has at most %2 characters</translation>
        </message>
        <message>
            <source>已有“%1”</source>
            <translation>"%1" already exists</translation>
        </message>
        <message>
            <source>至少保留一项</source>
            <translation>Keep at least one item</translation>
        </message>
    </context>
    <context>
        <name>NewActivityDialog</name>
        <message>
            <source>登记社区活动</source>
            <translation>Enter a community activity</translation>
        </message>
        <message>
            <source>登记</source>
            <translation>Record</translation>
        </message>
        <message>
            <source>如:中秋游园会;《阳光家园》第9期</source>
            <translation>e.g. Mid-Autumn garden party; "Sunny Home" issue 9</translation>
        </message>
        <message>
            <source>地点、内容(可不填)</source>
            <translation>Place, what it was (optional)</translation>
        </message>
        <message>
            <source>加入</source>
            <translation>Add</translation>
        </message>
        <message>
            <source>{0}栋</source>
            <translation>Building {0}</translation>
        </message>
        <message>
            <source>整栋加入</source>
            <translation>Add the whole building</translation>
        </message>
        <message>
            <source>移除所选</source>
            <translation>Remove selected</translation>
        </message>
        <message>
            <source>名称</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>类型</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>举办/发行日期</source>
            <translation>Held / issued on</translation>
        </message>
        <message>
            <source>组织者</source>
            <translation>Organiser</translation>
        </message>
        <message>
            <source>备注</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>参与房号</source>
            <translation>Participant rooms</translation>
        </message>
        <message>
            <source>已选 {0} 户</source>
            <translation>{0} households chosen</translation>
        </message>
    </context>
    <context>
        <name>NightLogPage</name>
        <message>
            <source>姓名或称呼,如 张先生</source>
            <translation>Name or form of address, e.g. Mr Zhang</translation>
        </message>
        <message>
            <source>来电号码</source>
            <translation>Caller's number</translation>
        </message>
        <message>
            <source>楼栋-单元-房号,如 3-2-501</source>
            <translation>Building-unit-room, e.g. 3-2-501</translation>
        </message>
        <message>
            <source>来电反映的情况</source>
            <translation>What the caller reported</translation>
        </message>
        <message>
            <source>如:已通知秩序维护员到场查看</source>
            <translation>e.g. security guard sent to look</translation>
        </message>
        <message>
            <source>记录来电</source>
            <translation>Record call</translation>
        </message>
        <message>
            <source>保存(Ctrl+S)</source>
            <translation>Save (Ctrl+S)</translation>
        </message>
        <message>
            <source>清空</source>
            <translation>Clear</translation>
        </message>
        <message>
            <source>黄底:昨夜(今天 8:00 前)的记录,还没有转为案件,请尽快处理。</source>
            <translation>Yellow: last night's records (before 8:00 today) not yet made into cases; please handle them soon.</translation>
        </message>
        <message>
            <source>最近 %1 天已转为案件</source>
            <translation>Made into cases in the last %1 days</translation>
        </message>
        <message>
            <source>已记下 %1 %2 的来电。</source>
            <translation>Recorded the call of %1 %2.</translation>
        </message>
        <message>
            <source>待转为案件(%1 条)</source>
            <translation>To be made into cases (%1)</translation>
        </message>
        <message>
            <source>转为案件</source>
            <translation>Make into case</translation>
        </message>
    </context>
    <context>
        <name>NoteDialog</name>
        <message>
            <source>处理进展,或告诉业主的内容</source>
            <translation>Progress, or what the owner was told</translation>
        </message>
        <message>
            <source>这是给业主的首次回复</source>
            <translation>This is the first reply to the owner</translation>
        </message>
        <message>
            <source>首次回复期限 {0:%Y-%m-%d %H:%M}</source>
            <translation>First reply due {0:%Y-%m-%d %H:%M}</translation>
        </message>
        <message>
            <source>已于 {0:%Y-%m-%d %H:%M} 首次回复</source>
            <translation>First replied {0:%Y-%m-%d %H:%M}</translation>
        </message>
        <message>
            <source>内容(&amp;C)</source>
            <translation>&amp;Content</translation>
        </message>
    </context>
    <context>
        <name>NoticeDialog</name>
        <message>
            <source>载入 %1 年国务院节假日安排</source>
            <translation>Load the State Council holiday arrangement for %1</translation>
        </message>
        <message>
            <source>把《国务院办公厅关于%1年部分节假日安排的通知》的正文粘贴到这里,例如:
一、元旦:1月1日(周五)放假,与周末连休。
二、春节:2月5日(农历除夕、周五)至13日(农历正月初八、周六)放假调休,共9天。1月30日(周六)、2月20日(周六)上班。</source>
            <translation>Paste the text of the State Council notice on the %1 holidays here (in Chinese, as published), e.g.:
一、元旦:1月1日(周五)放假,与周末连休。
二、春节:2月5日(农历除夕、周五)至13日(农历正月初八、周六)放假调休,共9天。1月30日(周六)、2月20日(周六)上班。</translation>
        </message>
        <message>
            <source>载入</source>
            <translation>Load</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>载入后该年按通知计算;表中已有的本处安排若通知未提到则保留。未结案件的期限会重算。</source>
            <translation>After loading, the year follows the notice; the office's own entries the notice does not mention stay. Open cases' deadlines are recomputed.</translation>
        </message>
        <message>
            <source>{0} 至 {1}</source>
            <translation>{0} to {1}</translation>
        </message>
        <message>
            <source>调休上班</source>
            <translation>Make-up workday</translation>
        </message>
        <message>
            <source>放假 {0} 天</source>
            <translation>{0} days off</translation>
        </message>
        <message>
            <source>将录入:</source>
            <translation>Will enter:</translation>
        </message>
    </context>
    <context>
        <name>OpenLetterDialog</name>
        <message>
            <source>公开信答复</source>
            <translation>Answer by open letter</translation>
        </message>
        <message>
            <source>以一封公开信答复选中的 {0} 条回访({1}),这些回访随之完成。</source>
            <translation>Answer the {0} selected visits ({1}) with one open letter; these visits are then complete.</translation>
        </message>
        <message>
            <source>如:关于3栋电梯停运的说明</source>
            <translation>e.g. About the lift outage in building 3</translation>
        </message>
        <message>
            <source>致各位业主:……</source>
            <translation>Dear owners: ……</translation>
        </message>
        <message>
            <source>标题</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>正文</source>
            <translation>Body</translation>
        </message>
    </context>
    <context>
        <name>OpenVisitsTab</name>
        <message>
            <source>指派</source>
            <translation>Assign</translation>
        </message>
        <message>
            <source>打开回访</source>
            <translation>Open visit</translation>
        </message>
        <message>
            <source>打开案件</source>
            <translation>Open case</translation>
        </message>
        <message>
            <source>取消回访…</source>
            <translation>Cancel visit…</translation>
        </message>
        <message>
            <source>公开信答复…</source>
            <translation>Answer by open letter…</translation>
        </message>
        <message>
            <source>回访人</source>
            <translation>Visitor</translation>
        </message>
        <message>
            <source>定期/事件</source>
            <translation>Scheduled / event</translation>
        </message>
        <message>
            <source>未指定</source>
            <translation>Not assigned</translation>
        </message>
        <message>
            <source>第{0}次</source>
            <translation>Attempt {0}</translation>
        </message>
        <message>
            <source>待回访 {0} 条,其中逾期 {1} 条</source>
            <translation>{0} visits pending, {1} overdue</translation>
        </message>
        <message>
            <source>没有待回访的回访</source>
            <translation>No visits pending</translation>
        </message>
        <message>
            <source>(未指定)</source>
            <translation>(not assigned)</translation>
        </message>
        <message>
            <source>已将 {0} 条回访指派给 {1}</source>
            <translation>Assigned {0} visits to {1}</translation>
        </message>
        <message>
            <source>已取消 {0} 条回访</source>
            <translation>Cancelled {0} visits</translation>
        </message>
        <message>
            <source>取消回访</source>
            <translation>Cancel visits</translation>
        </message>
        <message>
            <source>取消 {0} 条回访:{1}
请写明原因(如业主已搬离、重复安排)。</source>
            <translation>Cancel {0} visits: {1}
Please give the reason (e.g. the owner moved away, planned twice).</translation>
        </message>
        <message>
            <source>已以公开信《{0}》答复 {1} 条回访</source>
            <translation>Answered {1} visits with the open letter "{0}"</translation>
        </message>
    </context>
    <context>
        <name>OwnerEditDialog</name>
        <message>
            <source>修改业主资料</source>
            <translation>Edit owner</translation>
        </message>
        <message>
            <source>新增业主</source>
            <translation>New owner</translation>
        </message>
        <message>
            <source>楼栋-单元-房号,如 3-2-501</source>
            <translation>Building-unit-room, e.g. 3-2-501</translation>
        </message>
        <message>
            <source>已入住</source>
            <translation>Moved in</translation>
        </message>
        <message>
            <source>在住(取消勾选表示已迁出)</source>
            <translation>Living here (untick when moved out)</translation>
        </message>
        <message>
            <source>留空则不改(现为 {0})</source>
            <translation>Leave empty to keep (now {0})</translation>
        </message>
        <message>
            <source>未登记</source>
            <translation>Not registered</translation>
        </message>
        <message>
            <source>手机或固话,如 13812345678、021-62345678</source>
            <translation>Mobile or landline, e.g. 13812345678, 021-62345678</translation>
        </message>
        <message>
            <source>18 位,可不填</source>
            <translation>18 digits, optional</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>OwnerFileDialog</name>
        <message>
            <source>业主档案 — {0}</source>
            <translation>Owner file — {0}</translation>
        </message>
        <message>
            <source>(未登记房号)</source>
            <translation>(no room registered)</translation>
        </message>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>(未登记)</source>
            <translation>(not registered)</translation>
        </message>
        <message>
            <source>显示</source>
            <translation>Show</translation>
        </message>
        <message>
            <source>(已迁出)</source>
            <translation>(moved out)</translation>
        </message>
        <message>
            <source>基本信息</source>
            <translation>Basic information</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>房号</source>
            <translation>Room</translation>
        </message>
        <message>
            <source>入住日期</source>
            <translation>Move-in date</translation>
        </message>
        <message>
            <source>联系电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>身份证号</source>
            <translation>ID number</translation>
        </message>
        <message>
            <source>备注</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>查看本档案及每次显示号码均已记录(查看人、时间)。</source>
            <translation>Viewing this file and every reveal of a number are recorded (who and when).</translation>
        </message>
        <message>
            <source>同住人员(家属、租户)</source>
            <translation>Household members (family, tenants)</translation>
        </message>
        <message>
            <source>该住户的案件({0} 件,双击打开)</source>
            <translation>Cases of this household ({0}, double-click to open)</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>修改记录…</source>
            <translation>Change history…</translation>
        </message>
        <message>
            <source>修改…</source>
            <translation>Edit…</translation>
        </message>
        <message>
            <source>未登记</source>
            <translation>Not registered</translation>
        </message>
        <message>
            <source>显示完整号码(此操作会记录在审计记录中)</source>
            <translation>Show the full number (this is recorded in the audit log)</translation>
        </message>
        <message>
            <source>您的角色不能查看完整号码(限{0})</source>
            <translation>Your role cannot see the full number (only {0})</translation>
        </message>
        <message>
            <source>显示号码</source>
            <translation>Show number</translation>
        </message>
        <message>
            <source>显示身份证号</source>
            <translation>Show ID number</translation>
        </message>
    </context>
    <context>
        <name>OwnerPage</name>
        <message>
            <source>姓名、电话号码中的数字或房号(如 3-2-501、3-2、3)</source>
            <translation>Name, digits of a phone number, or room (e.g. 3-2-501, 3-2, 3)</translation>
        </message>
        <message>
            <source>含已迁出</source>
            <translation>Include moved out</translation>
        </message>
        <message>
            <source>查看档案</source>
            <translation>Open file</translation>
        </message>
        <message>
            <source>新增业主…</source>
            <translation>New owner…</translation>
        </message>
        <message>
            <source>修改…</source>
            <translation>Edit…</translation>
        </message>
        <message>
            <source>导出…</source>
            <translation>Export…</translation>
        </message>
        <message>
            <source>只有管理处经理可以导出业主资料</source>
            <translation>Only the office manager can export owner data</translation>
        </message>
        <message>
            <source>业主档案</source>
            <translation>Owner files</translation>
        </message>
        <message>
            <source>列表中的电话已隐去中间四位;查看档案和显示完整号码都会记录查看人。</source>
            <translation>Phone numbers in the list hide the middle four digits; opening a file and revealing a full number are recorded.</translation>
        </message>
        <message>
            <source>(已迁出)</source>
            <translation>(moved out)</translation>
        </message>
        <message>
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <source>找到 {0} 人({1}),住在 {2} 户</source>
            <translation>{0} people found ({1}), living in {2} homes</translation>
        </message>
        <message>
            <source>正在导出业主资料…</source>
            <translation>Exporting the owners…</translation>
        </message>
        <message>
            <source>已取消导出,没有写入文件。</source>
            <translation>Export cancelled: no file was written.</translation>
        </message>
        <message>
            <source>没有找到符合条件的人</source>
            <translation>Nobody matches</translation>
        </message>
        <message>
            <source>;列表只显示前 {0} 人,请输入姓名、电话或房号缩小范围</source>
            <translation>; the list shows the first {0}: type a name, phone or room to narrow it down</translation>
        </message>
        <message>
            <source>已新增 {0}</source>
            <translation>Added {0}</translation>
        </message>
        <message>
            <source>已保存 {0} 的资料</source>
            <translation>Saved the data of {0}</translation>
        </message>
        <message>
            <source>导出业主资料</source>
            <translation>Export owner data</translation>
        </message>
        <message>
            <source>业主名册.xlsx</source>
            <translation>Owner register.xlsx</translation>
        </message>
        <message>
            <source>已导出 {0} 人到 {1}。文件含完整电话和身份证号,请妥善保管;此次导出已记录。</source>
            <translation>Exported {0} people to {1}. The file contains full phone and ID numbers: keep it safe. This export has been recorded.</translation>
        </message>
    </context>
    <context>
        <name>PainterWorker</name>
        <message>
            <source>打印机“{0}”无法开始打印。请检查打印机是否连接、是否缺纸后再打印。</source>
            <translation>The printer “{0}” cannot start printing. Check that it is connected and has paper, then print again.</translation>
        </message>
        <message>
            <source>正在打印第 {0} 页,共 {1} 页…</source>
            <translation>Printing page {0} of {1}…</translation>
        </message>
        <message>
            <source>打印机“{0}”报告错误,任务没有打印完。请检查打印机后再打印。</source>
            <translation>The printer “{0}” reported an error and the job was not finished. Check the printer, then print again.</translation>
        </message>
    </context>
    <context>
        <name>ParetoChart</name>
        <message>
            <source>{0}:{1} 件,累计 {2}</source>
            <translation>{0}: {1} cases, cumulative {2}</translation>
        </message>
        <message>
            <source>本期没有投诉</source>
            <translation>No complaints in this period</translation>
        </message>
        <message>
            <source>件数</source>
            <translation>Count</translation>
        </message>
        <message>
            <source>累计占比</source>
            <translation>Cumulative share</translation>
        </message>
    </context>
    <context>
        <name>PdfPreviewDialog</name>
        <message>
            <source>打印预览</source>
            <translation>Print preview</translation>
        </message>
        <message>
            <source>回音.pdf</source>
            <translation>Huiyin.pdf</translation>
        </message>
        <message>
            <source>共 {0} 页</source>
            <translation>{0} pages</translation>
        </message>
        <message>
            <source>适合宽度</source>
            <translation>Fit width</translation>
        </message>
        <message>
            <source>100%</source>
            <translation>100%</translation>
        </message>
        <message>
            <source>−</source>
            <translation>−</translation>
        </message>
        <message>
            <source>+</source>
            <translation>+</translation>
        </message>
        <message>
            <source>打印…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <source>另存为 PDF…</source>
            <translation>Save as PDF…</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>打印</source>
            <translation>Print</translation>
        </message>
        <message>
            <source>上一份打印任务还没有结束,请等它完成或取消后再打印。</source>
            <translation>The last print job has not finished yet. Wait for it, or cancel it, before printing again.</translation>
        </message>
        <message>
            <source>编号表单每个编号只印一份,已按 1 份打印。</source>
            <translation>Numbered forms print one copy per number: printed 1 copy.</translation>
        </message>
        <message>
            <source>正在打印…</source>
            <translation>Printing…</translation>
        </message>
        <message>
            <source>正在打印,请等打印完成或先取消打印,再关闭预览。</source>
            <translation>Printing. Wait until it has finished, or cancel it, before closing the preview.</translation>
        </message>
        <message>
            <source>另存为 PDF</source>
            <translation>Save as PDF</translation>
        </message>
        <message>
            <source>无法显示这份 PDF:文件已损坏或不是 PDF。</source>
            <translation>Cannot show this PDF: the file is damaged or not a PDF.</translation>
        </message>
        <message>
            <source>PDF 文件 (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>没有权限写入“{0}”:该文件夹只读,或文件正被其他程序打开。请换一个位置保存。</source>
            <translation>No permission to write "{0}": the folder is read-only or the file is open in another program. Please save elsewhere.</translation>
        </message>
        <message>
            <source>文件夹“{0}”不存在,请换一个位置保存。</source>
            <translation>The folder "{0}" does not exist; please save elsewhere.</translation>
        </message>
        <message>
            <source>无法保存到“{0}”:{1}</source>
            <translation>Cannot save to "{0}": {1}</translation>
        </message>
        <message>
            <source>已保存到 {0}</source>
            <translation>Saved to {0}</translation>
        </message>
    </context>
    <context>
        <name>PeopleChart</name>
        <message>
            <source>本期没有回访</source>
            <translation>No visits in this period</translation>
        </message>
        <message>
            <source>逾期 {0} · 不满意 {1}</source>
            <translation>Overdue {0} · dissatisfied {1}</translation>
        </message>
        <message>
            <source>本期完成</source>
            <translation>Done this period</translation>
        </message>
        <message>
            <source>上期完成</source>
            <translation>Done (prev.)</translation>
        </message>
    </context>
    <context>
        <name>PeopleTab</name>
        <message>
            <source>计划:到期日在本期内的回访;完成:本期内完成的;完成率:完成 ÷ 计划;逾期:到期未回访的。</source>
            <translation>Planned: visits due in the period; Done: done in the period; Done rate: done ÷ planned; Overdue: due and not visited.</translation>
        </message>
        <message>
            <source>每人本期完成与上期对比</source>
            <translation>Visits done per person, this period and the previous one</translation>
        </message>
        <message>
            <source>各角色回访率(回访制度)</source>
            <translation>Each role's visit rate (visit rules)</translation>
        </message>
        <message>
            <source>参与回访:本期办结、已回访的案件中,该角色人员作为回访人(含两人同时回访的第二回访人)的件数;基数按制度为应回访宗数或已回访宗数。</source>
            <translation>Visited: of the cases handled and visited in the period, those a person of the role visited (the second visitor of a visit by two included); the base is, by the rules, the cases to visit or the cases visited.</translation>
        </message>
        <message>
            <source>应回访宗数</source>
            <translation>cases to visit</translation>
        </message>
        <message>
            <source>已回访宗数</source>
            <translation>cases visited</translation>
        </message>
        <message>
            <source>全部</source>
            <translation>All</translation>
        </message>
        <message>
            <source>达标</source>
            <translation>Met</translation>
        </message>
        <message>
            <source>未达标</source>
            <translation>Below target</translation>
        </message>
    </context>
    <context>
        <name>PlanSection</name>
        <message>
            <source>回访计划</source>
            <translation>Visit plan</translation>
        </message>
        <message>
            <source>回访次数</source>
            <translation>Visit count</translation>
        </message>
        <message>
            <source>第{0}次回访</source>
            <translation>Visit {0}</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>应回访日期</source>
            <translation>Visit due date</translation>
        </message>
        <message>
            <source>回访人角色</source>
            <translation>Visitor role</translation>
        </message>
        <message>
            <source>预约时间</source>
            <translation>Appointment</translation>
        </message>
        <message>
            <source>回访人</source>
            <translation>Visitor</translation>
        </message>
        <message>
            <source>(未指定)</source>
            <translation>(not assigned)</translation>
        </message>
        <message>
            <source>安排原因</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>第二回访人</source>
            <translation>Second visitor</translation>
        </message>
        <message>
            <source>第二回访人角色</source>
            <translation>Second visitor's role</translation>
        </message>
        <message>
            <source>抽样说明</source>
            <translation>Sampling note</translation>
        </message>
        <message>
            <source>逾期(应于 {0} 前回访)</source>
            <translation>Overdue (visit due before {0})</translation>
        </message>
    </context>
    <context>
        <name>PrintJob</name>
        <message>
            <source>打印</source>
            <translation>Print</translation>
        </message>
        <message>
            <source>正在准备打印…</source>
            <translation>Preparing to print…</translation>
        </message>
        <message>
            <source>打印没有完成:{0}。请稍后再打印;仍不行请联系管理员。</source>
            <translation>The print job did not finish: {0}. Please print again later; if it still fails, ask the administrator.</translation>
        </message>
        <message>
            <source>已保存到 {0}。</source>
            <translation>Saved to {0}.</translation>
        </message>
        <message>
            <source>已送往打印机“{0}”,打印完成。</source>
            <translation>Sent to the printer “{0}” and printed.</translation>
        </message>
        <message>
            <source>编号 {0} 已记入台账(已打印)。</source>
            <translation>Numbers {0} are in the ledger (printed).</translation>
        </message>
        <message>
            <source>已取消打印。</source>
            <translation>Printing cancelled.</translation>
        </message>
        <message>
            <source>编号 {0} 已作废(已取消),不会再使用。</source>
            <translation>Numbers {0} are voided (cancelled) and will never be used again.</translation>
        </message>
        <message>
            <source>编号 {0} 已作废(打印失败:{1}),不会再使用。</source>
            <translation>Numbers {0} are voided (print failed: {1}) and will never be used again.</translation>
        </message>
        <message>
            <source>{0} 至 {1}(共 {2} 个)</source>
            <translation>{0} to {1} ({2} in all)</translation>
        </message>
    </context>
    <context>
        <name>ProgressDialog</name>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>已取消,没有做任何改动。</source>
            <translation>Cancelled; nothing was changed.</translation>
        </message>
        <message>
            <source>已完成。</source>
            <translation>Done.</translation>
        </message>
    </context>
    <context>
        <name>ProgressPanel</name>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>正在取消,请稍候…</source>
            <translation>Cancelling, please wait…</translation>
        </message>
    </context>
    <context>
        <name>QuestionTable</name>
        <message>
            <source>问题</source>
            <translation>Question</translation>
        </message>
        <message>
            <source>约定答复日期</source>
            <translation>Promised answer date</translation>
        </message>
        <message>
            <source>添加问题</source>
            <translation>Add question</translation>
        </message>
        <message>
            <source>删除所选</source>
            <translation>Delete selected</translation>
        </message>
        <message>
            <source>现场答复不了的问题,约定答复日期;每条成为一项待答复任务。</source>
            <translation>Questions that cannot be answered on the spot get a promised answer date; each becomes an answer task.</translation>
        </message>
    </context>
    <context>
        <name>QuestionnaireDialog</name>
        <message>
            <source>调查表内容</source>
            <translation>Questionnaire</translation>
        </message>
        <message>
            <source>请业主评定每个项目的重要程度(用于四分图)</source>
            <translation>Ask owners how important each subject is (for the quadrant chart)</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>调查项目(每行一项,可写“名称|说明”;“总体情况”放最后):</source>
            <translation>Subjects (one a line, "name|explanation"; keep 总体情况 (overall) last):</translation>
        </message>
        <message>
            <source>选择题(每行一题,写成“题目:选项/选项”;题目后加 * 表示可多选):</source>
            <translation>Choice questions (one a line, "question:choice/choice"; a * after the question allows several):</translation>
        </message>
        <message>
            <source>开放性问题(每行一题):</source>
            <translation>Open questions (one a line):</translation>
        </message>
    </context>
    <context>
        <name>ReasonDialog</name>
        <message>
            <source>必须填写原因,将与您的姓名一起记录</source>
            <translation>A reason is required; it is recorded with your name</translation>
        </message>
    </context>
    <context>
        <name>RecordSection</name>
        <message>
            <source>回访记录(只读)</source>
            <translation>Visit record (read only)</translation>
        </message>
        <message>
            <source>结果</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>回访方式</source>
            <translation>Visit method</translation>
        </message>
        <message>
            <source>回访时间</source>
            <translation>Visit time</translation>
        </message>
        <message>
            <source>回访人</source>
            <translation>Visitor</translation>
        </message>
        <message>
            <source>接受回访人</source>
            <translation>Person visited</translation>
        </message>
        <message>
            <source>满意度</source>
            <translation>Satisfaction</translation>
        </message>
        <message>
            <source>回访内容</source>
            <translation>Visit findings</translation>
        </message>
        <message>
            <source>不足之处</source>
            <translation>Shortcomings</translation>
        </message>
        <message>
            <source>客户意见/建议</source>
            <translation>Customer's opinion / suggestion</translation>
        </message>
        <message>
            <source>现场查看</source>
            <translation>On-site check</translation>
        </message>
        <message>
            <source>已到现场查看</source>
            <translation>Checked on site</translation>
        </message>
        <message>
            <source>未到现场</source>
            <translation>Not on site</translation>
        </message>
        <message>
            <source>收费核实</source>
            <translation>Charges check</translation>
        </message>
        <message>
            <source>已核实,收费相符</source>
            <translation>Checked, charges correct</translation>
        </message>
        <message>
            <source>未核实</source>
            <translation>Not checked</translation>
        </message>
        <message>
            <source>维修人员表现</source>
            <translation>Repair staff conduct</translation>
        </message>
        <message>
            <source>客户签名</source>
            <translation>Customer's signature</translation>
        </message>
        <message>
            <source>公开信</source>
            <translation>Open letter</translation>
        </message>
        <message>
            <source>取消原因</source>
            <translation>Reason for cancelling</translation>
        </message>
        <message>
            <source>待答复问题</source>
            <translation>Open question</translation>
        </message>
        <message>
            <source>(约定 {0} 答复)</source>
            <translation> (answer promised by {0})</translation>
        </message>
        <message>
            <source> → 已答复:{0}</source>
            <translation> → answered: {0}</translation>
        </message>
        <message>
            <source> → 尚未答复</source>
            <translation> → not answered yet</translation>
        </message>
        <message>
            <source>{0} 送达 {1}</source>
            <translation>{0} delivered {1}</translation>
        </message>
        <message>
            <source>未送达,须在 {0} 前送达</source>
            <translation>Not delivered; must be delivered before {0}</translation>
        </message>
        <message>
            <source>返工通知</source>
            <translation>Rework notice</translation>
        </message>
        <message>
            <source>后续回访</source>
            <translation>Further visits</translation>
        </message>
        <message>
            <source>第{0}次回访:{1},应于 {2} 前,{3}{4}</source>
            <translation>Visit {0}: {1}, due before {2}, {3}{4}</translation>
        </message>
        <message>
            <source>回访记录表 NO.{0}</source>
            <translation>Visit record form NO.{0}</translation>
        </message>
        <message>
            <source>客户已签字</source>
            <translation>Customer signed</translation>
        </message>
        <message>
            <source>本类回访无需签名</source>
            <translation>No signature needed for this kind of visit</translation>
        </message>
        <message>
            <source>电话回访,无需签名</source>
            <translation>Phone visit, no signature needed</translation>
        </message>
    </context>
    <context>
        <name>RecoveryKeyDialog</name>
        <message>
            <source>恢复密钥 - 回音</source>
            <translation>Recovery key - Huiyin</translation>
        </message>
        <message>
            <source>数据已加密,只有登录才能打开。管理员忘记密码时,要用下面的恢复密钥设新密码。程序只显示这一次,不保存副本:请现在打印或抄下来,锁在安全的地方。</source>
            <translation>The data is encrypted and opens only with a login. When an administrator forgets the password, the recovery key below sets a new one. It is shown only this once and the program keeps no copy: print it or write it down now, and lock it away.</translation>
        </message>
        <message>
            <source>打印恢复密钥单…</source>
            <translation>Print the recovery key sheet…</translation>
        </message>
        <message>
            <source>复制</source>
            <translation>Copy</translation>
        </message>
        <message>
            <source>我已打印或抄下恢复密钥,并会妥善保管</source>
            <translation>I have printed or written down the recovery key and will keep it safe</translation>
        </message>
        <message>
            <source>继续</source>
            <translation>Continue</translation>
        </message>
        <message>
            <source>恢复密钥单</source>
            <translation>Recovery key sheet</translation>
        </message>
    </context>
    <context>
        <name>ReferDialog</name>
        <message>
            <source>转交开发商 — {0}</source>
            <translation>Forward to the developer — {0}</translation>
        </message>
        <message>
            <source>制作联系函</source>
            <translation>Make the letter</translation>
        </message>
        <message>
            <source>案件 {0} {1}。{2}。</source>
            <translation>Case {0}: {1}. {2}.</translation>
        </message>
        <message>
            <source>请开发商做什么、何时书面回复,例如 请派人检修外墙渗水</source>
            <translation>What the developer is asked to do and reply in writing, e.g. send someone to repair the leaking outer wall</translation>
        </message>
        <message>
            <source>收函单位(&amp;T)</source>
            <translation>Addressed &amp;to</translation>
        </message>
        <message>
            <source>联系事项(&amp;C)</source>
            <translation>What we ask (&amp;C)</translation>
        </message>
    </context>
    <context>
        <name>ReferralTab</name>
        <message>
            <source>联系函编号</source>
            <translation>Letter no.</translation>
        </message>
        <message>
            <source>发出</source>
            <translation>Sent</translation>
        </message>
        <message>
            <source>回复期限</source>
            <translation>Reply due</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>联系事项</source>
            <translation>What we ask</translation>
        </message>
        <message>
            <source>跟进记录</source>
            <translation>Follow-ups</translation>
        </message>
        <message>
            <source>跟进时间</source>
            <translation>Followed up</translation>
        </message>
        <message>
            <source>跟进人</source>
            <translation>Followed up by</translation>
        </message>
        <message>
            <source>跟进情况</source>
            <translation>Follow-up</translation>
        </message>
        <message>
            <source>下次跟进</source>
            <translation>Next follow-up</translation>
        </message>
        <message>
            <source>转交开发商…</source>
            <translation>Forward to the developer…</translation>
        </message>
        <message>
            <source>登记发出…</source>
            <translation>Record as sent…</translation>
        </message>
        <message>
            <source>登记回复…</source>
            <translation>Record the reply…</translation>
        </message>
        <message>
            <source>跟进…</source>
            <translation>Follow up…</translation>
        </message>
        <message>
            <source>结束…</source>
            <translation>Close…</translation>
        </message>
        <message>
            <source>打印联系函</source>
            <translation>Print the letter</translation>
        </message>
        <message>
            <source>本案{0},可书面转交{1};{2}。案件照常办理,业主仍由本中心答复。</source>
            <translation>This case {0}: it may be forwarded in writing to {1}; {2}. The case is handled as usual and the owner is still answered by the centre.</translation>
        </message>
        <message>
            <source>本案已不属开发商原因,不能再转交;已发出的联系函照常跟进。</source>
            <translation>This case is no longer the developer's: it cannot be forwarded again; letters already sent are followed up as usual.</translation>
        </message>
        <message>
            <source>转交开发商</source>
            <translation>To the developer</translation>
        </message>
        <message>
            <source>(逾期)</source>
            <translation> (overdue)</translation>
        </message>
        <message>
            <source>跟进记录 — {0}</source>
            <translation>Follow-ups — {0}</translation>
        </message>
        <message>
            <source>致:</source>
            <translation>To: </translation>
        </message>
        <message>
            <source>制函:</source>
            <translation>Made: </translation>
        </message>
        <message>
            <source>联系事项:</source>
            <translation>What we ask: </translation>
        </message>
        <message>
            <source>开发商回复({0}):</source>
            <translation>Developer's reply ({0}): </translation>
        </message>
        <message>
            <source>结束({0}):</source>
            <translation>Closed ({0}): </translation>
        </message>
        <message>
            <source>您的角色不能做这一步</source>
            <translation>Your role cannot take this step</translation>
        </message>
        <message>
            <source>请先在上面的列表中选一份联系函。</source>
            <translation>Choose a letter in the list above first.</translation>
        </message>
        <message>
            <source>为有效投诉·二类</source>
            <translation>is a valid complaint of type 2 (the developer's)</translation>
        </message>
        <message>
            <source>类别为{0}</source>
            <translation>has the category {0}</translation>
        </message>
        <message>
            <source>开发商须在发出后 {0} 个工作日内回复</source>
            <translation>the developer replies within {0} working days of sending</translation>
        </message>
        <message>
            <source>开发商须在发出后 {0} 天内回复</source>
            <translation>the developer replies within {0} days of sending</translation>
        </message>
    </context>
    <context>
        <name>RegradeDialog</name>
        <message>
            <source>(暂不判定)</source>
            <translation>(not judged yet)</translation>
        </message>
        <message>
            <source>业主正在受损,需先行处置(期限从现在起算)</source>
            <translation>Harm ongoing: contain first (due from now)</translation>
        </message>
        <message>
            <source>为什么重新定级,如业主损失较大、多户受影响、核实后情节轻微</source>
            <translation>Why the case is re-graded, e.g. a large loss to the owner, several households affected, found to be minor after checking</translation>
        </message>
        <message>
            <source>性质(&amp;K)</source>
            <translation>&amp;Kind</translation>
        </message>
        <message>
            <source>有效性(&amp;V)</source>
            <translation>&amp;Validity</translation>
        </message>
        <message>
            <source>程度(&amp;S)</source>
            <translation>&amp;Severity</translation>
        </message>
        <message>
            <source>类别(&amp;C)</source>
            <translation>&amp;Category</translation>
        </message>
        <message>
            <source>细类(&amp;L)</source>
            <translation>Sub-categor&amp;y</translation>
        </message>
        <message>
            <source>紧急程度(&amp;U)</source>
            <translation>&amp;Urgency</translation>
        </message>
        <message>
            <source>受理时间(&amp;T)</source>
            <translation>Received a&amp;t</translation>
        </message>
        <message>
            <source>先行处置</source>
            <translation>Contain first</translation>
        </message>
        <message>
            <source>定级原因(&amp;R)</source>
            <translation>&amp;Reason</translation>
        </message>
        <message>
            <source>重算后的期限</source>
            <translation>Recomputed deadlines</translation>
        </message>
        <message>
            <source>首次回复 {0} 前</source>
            <translation>First reply by {0}</translation>
        </message>
        <message>
            <source>办结 {0} 前</source>
            <translation>Resolve by {0}</translation>
        </message>
        <message>
            <source>明确答复 {0} 前</source>
            <translation>Definite answer by {0}</translation>
        </message>
        <message>
            <source>将生成重大投诉报告,须于 {0} 前提交品质部及总经理</source>
            <translation>A major complaint report will be created, due to the quality department and the general manager by {0}</translation>
        </message>
        <message>
            <source>不再是重大投诉:重大投诉报告将取消,原因记入时间线</source>
            <translation>No longer a major complaint: the major complaint report will be cancelled, with the reason on the timeline</translation>
        </message>
        <message>
            <source>已批准的延期晚于新办结期限时,保留延期</source>
            <translation>An approved extension later than the new deadline is kept</translation>
        </message>
        <message>
            <source>{0} 年节假日尚未按国务院通知录入,期限暂定</source>
            <translation>The holidays of {0} are not yet entered from the State Council notice: deadlines are provisional</translation>
        </message>
    </context>
    <context>
        <name>ReplyDialog</name>
        <message>
            <source>登记开发商回复 — {0}</source>
            <translation>Record the developer's reply — {0}</translation>
        </message>
        <message>
            <source>登记</source>
            <translation>Record</translation>
        </message>
        <message>
            <source>回复期限 {0}</source>
            <translation>Reply by {0}</translation>
        </message>
        <message>
            <source>开发商答复的处理安排和时间,例如 10 月 20 日前维修外墙</source>
            <translation>What the developer will do and by when, e.g. repair the outer wall by 20 October</translation>
        </message>
        <message>
            <source>回复时间(&amp;A)</source>
            <translation>Replied &amp;at</translation>
        </message>
        <message>
            <source>回复内容(&amp;C)</source>
            <translation>Reply (&amp;C)</translation>
        </message>
    </context>
    <context>
        <name>ReplyLetterDialog</name>
        <message>
            <source>PDF、图片(PNG/JPG)或 Word(DOC/DOCX)文件</source>
            <translation>A PDF, picture (PNG/JPG) or Word (DOC/DOCX) file</translation>
        </message>
        <message>
            <source>选择文件…</source>
            <translation>Choose file…</translation>
        </message>
        <message>
            <source>复函文件(&amp;F)</source>
            <translation>Reply letter &amp;file</translation>
        </message>
        <message>
            <source>已附:{0}({1:%Y-%m-%d %H:%M}),再附上将替换它</source>
            <translation>Attached: {0} ({1:%Y-%m-%d %H:%M}); attaching again replaces it</translation>
        </message>
        <message>
            <source>选择复函</source>
            <translation>Choose the reply letter</translation>
        </message>
        <message>
            <source>复函 (*.pdf *.png *.jpg *.jpeg *.doc *.docx)</source>
            <translation>Reply letter (*.pdf *.png *.jpg *.jpeg *.doc *.docx)</translation>
        </message>
        <message>
            <source>请选择复函文件(PDF、图片或 Word)</source>
            <translation>Choose the reply letter file (PDF, picture or Word)</translation>
        </message>
        <message>
            <source>读不到文件“{0}”,请确认文件存在且未被其他程序占用</source>
            <translation>The file "{0}" cannot be read: make sure it exists and no other program has it open</translation>
        </message>
    </context>
    <context>
        <name>RescheduleDialog</name>
        <message>
            <source>回访改期</source>
            <translation>Reschedule visit</translation>
        </message>
        <message>
            <source>回访:</source>
            <translation>Visit:</translation>
        </message>
        <message>
            <source>原定日期:</source>
            <translation>Planned date:</translation>
        </message>
        <message>
            <source>{0}(周{1})</source>
            <translation>{0} ({1})</translation>
        </message>
        <message>
            <source>改到:</source>
            <translation>Move to:</translation>
        </message>
        <message>
            <source>必填,例如:业主出差,约定下周再访</source>
            <translation>Required, e.g. owner away on business, agreed to visit next week</translation>
        </message>
        <message>
            <source>改期原因:</source>
            <translation>Reason:</translation>
        </message>
        <message>
            <source>改期</source>
            <translation>Reschedule</translation>
        </message>
        <message>
            <source>新日期与原定日期相同</source>
            <translation>The new date is the same as the planned date</translation>
        </message>
    </context>
    <context>
        <name>ResolveDialog</name>
        <message>
            <source>处理结果(必填):做了什么,结果如何,业主是否认可</source>
            <translation>Result (required): what was done, how it ended, whether the owner accepts it</translation>
        </message>
        <message>
            <source>处理结果(&amp;R)</source>
            <translation>&amp;Result</translation>
        </message>
    </context>
    <context>
        <name>RestoreDialog</name>
        <message>
            <source>从备份恢复</source>
            <translation>Restore from backup</translation>
        </message>
        <message>
            <source>&lt;p&gt;要恢复到备份 &lt;b&gt;{0}&lt;/b&gt;:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;请所有人保存手头的工作,然后&lt;b&gt;关闭回音&lt;/b&gt;。正在运行的程序打开着数据文件,不能在运行中安全地替换它自己的数据库,所以恢复不能在这里直接完成。&lt;/li&gt;&lt;li&gt;在命令提示符中运行下面的命令,按提示输入管理员密码。恢复前会先检查备份:必须是这个服务中心的备份、不来自更新的版本、通过数据检查。恢复后的数据先在旁边建好,再一步换上;当前的数据文件&lt;b&gt;不会被覆盖&lt;/b&gt;,而是另存在数据文件夹中(…before-restore-日期时间)。&lt;/li&gt;&lt;li&gt;再次打开回音。备份之后录入的内容不在恢复后的数据中,请核对补录。&lt;/li&gt;&lt;/ol&gt;</source>
            <translation>&lt;p&gt;To restore the backup &lt;b&gt;{0}&lt;/b&gt;:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;Ask everyone to save their work, then &lt;b&gt;close Huiyin&lt;/b&gt;. The running program has the data file open and cannot safely replace its own database, so the restore cannot be done from here.&lt;/li&gt;&lt;li&gt;Run the command below in a command prompt and type the administrator password when asked. The backup is checked first: it must be a backup of this office, not from a newer version, and pass the data check. The restored data is built beside the current file, then put in its place in one step; the current data file is &lt;b&gt;not overwritten&lt;/b&gt; but kept in the data folder (…before-restore-date-time).&lt;/li&gt;&lt;li&gt;Open Huiyin again. Anything entered after the backup is not in the restored data: check and enter it again.&lt;/li&gt;&lt;/ol&gt;</translation>
        </message>
        <message>
            <source>复制命令</source>
            <translation>Copy command</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>已复制</source>
            <translation>Copied</translation>
        </message>
    </context>
    <context>
        <name>ResultSection</name>
        <message>
            <source>回访结果</source>
            <translation>Visit result</translation>
        </message>
        <message>
            <source>第{0}次回访,可电话回访</source>
            <translation>Visit {0}, may be done by phone</translation>
        </message>
        <message>
            <source>回访方式</source>
            <translation>Visit method</translation>
        </message>
        <message>
            <source>有预约,预约时间</source>
            <translation>Appointment at</translation>
        </message>
        <message>
            <source>回访时间</source>
            <translation>Visit time</translation>
        </message>
        <message>
            <source>姓名或称呼</source>
            <translation>Name or form of address</translation>
        </message>
        <message>
            <source>接受回访人</source>
            <translation>Person visited</translation>
        </message>
        <message>
            <source>维修质量、服务效果如何;客户怎么说</source>
            <translation>How good was the repair and the service; what did the customer say</translation>
        </message>
        <message>
            <source>处理质量、服务效果如何;客户怎么说</source>
            <translation>How good was the handling and the service; what did the customer say</translation>
        </message>
        <message>
            <source>客户指出的不足(可不填)</source>
            <translation>Shortcomings the customer pointed out (optional)</translation>
        </message>
        <message>
            <source>客户的意见和建议(可不填)</source>
            <translation>The customer's opinions and suggestions (optional)</translation>
        </message>
        <message>
            <source>回访内容</source>
            <translation>Visit findings</translation>
        </message>
        <message>
            <source>不足之处</source>
            <translation>Shortcomings</translation>
        </message>
        <message>
            <source>客户意见/建议</source>
            <translation>Customer's opinion / suggestion</translation>
        </message>
        <message>
            <source>维修情况</source>
            <translation>Repair</translation>
        </message>
        <message>
            <source>满意度</source>
            <translation>Satisfaction</translation>
        </message>
        <message>
            <source>待答复问题</source>
            <translation>Open question</translation>
        </message>
        <message>
            <source>(未填)</source>
            <translation>(not filled in)</translation>
        </message>
        <message>
            <source>已到现场查看</source>
            <translation>Checked on site</translation>
        </message>
        <message>
            <source>未到现场</source>
            <translation>Not on site</translation>
        </message>
        <message>
            <source>准时、礼貌、完工清理现场…</source>
            <translation>On time, polite, cleaned up after the work…</translation>
        </message>
        <message>
            <source>已核实,收费相符</source>
            <translation>Checked, charges correct</translation>
        </message>
        <message>
            <source>未核实</source>
            <translation>Not checked</translation>
        </message>
        <message>
            <source>现场查看</source>
            <translation>On-site check</translation>
        </message>
        <message>
            <source>收费核实</source>
            <translation>Charges check</translation>
        </message>
        <message>
            <source>维修人员表现</source>
            <translation>Repair staff conduct</translation>
        </message>
    </context>
    <context>
        <name>ReturnDialog</name>
        <message>
            <source>交回 {0}</source>
            <translation>Return {0}</translation>
        </message>
        <message>
            <source>交回</source>
            <translation>Return</translation>
        </message>
        <message>
            <source>本表关联的回访:{0}</source>
            <translation>Visit linked to this form: {0}</translation>
        </message>
        <message>
            <source>本表未关联回访</source>
            <translation>No visit linked to this form</translation>
        </message>
        <message>
            <source>另指定</source>
            <translation>Choose another</translation>
        </message>
        <message>
            <source>回访编号,或案件编号(如 TS-2026-00042)</source>
            <translation>Visit number or case number (e.g. TS-2026-00042)</translation>
        </message>
        <message>
            <source>可选:签字后的纸质表的扫描件或照片</source>
            <translation>Optional: a scan or photo of the signed paper form</translation>
        </message>
        <message>
            <source>选择文件…</source>
            <translation>Choose file…</translation>
        </message>
        <message>
            <source>表单编号</source>
            <translation>Form number</translation>
        </message>
        <message>
            <source>核对人</source>
            <translation>Checker</translation>
        </message>
        <message>
            <source>回访</source>
            <translation>Follow-up visit</translation>
        </message>
        <message>
            <source>扫描件</source>
            <translation>Scan</translation>
        </message>
        <message>
            <source>备注</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>交回的表须是已录入结果的那次回访的表(在回访记录中填写表号保存,即自动记为交回)。没有用过的表不能交回,请作废并写明原因。</source>
            <translation>A form is returned with the visit whose result it records (saving the visit record with the form number returns it by itself). A form that was not used cannot be returned: void it with the reason.</translation>
        </message>
        <message>
            <source>选择扫描件或照片</source>
            <translation>Choose a scan or photo</translation>
        </message>
        <message>
            <source>图片或 PDF (*.jpg *.jpeg *.png *.pdf *.tif *.tiff);;所有文件 (*)</source>
            <translation>Images or PDF (*.jpg *.jpeg *.png *.pdf *.tif *.tiff);;All files (*)</translation>
        </message>
        <message>
            <source>文件太大(最多 20 MB)</source>
            <translation>The file is too large (20 MB at most)</translation>
        </message>
        <message>
            <source>找不到文件 {0}</source>
            <translation>File not found: {0}</translation>
        </message>
        <message>
            <source>这是一个文件夹,请选择文件</source>
            <translation>This is a folder: choose a file</translation>
        </message>
        <message>
            <source>无法读取:{0}</source>
            <translation>Cannot read: {0}</translation>
        </message>
    </context>
    <context>
        <name>ReviewsSection</name>
        <message>
            <source>审核意见</source>
            <translation>Review comments</translation>
        </message>
        <message>
            <source>(未填写)</source>
            <translation>(not filled in)</translation>
        </message>
        <message>
            <source>签署意见</source>
            <translation>Sign comments</translation>
        </message>
    </context>
    <context>
        <name>RoomPicker</name>
        <message>
            <source>如 3-2-501,或输入业主姓名、电话</source>
            <translation>e.g. 3-2-501, name or phone</translation>
        </message>
    </context>
    <context>
        <name>SampleTab</name>
        <message>
            <source>手工加入回访…</source>
            <translation>Add to visits by hand…</translation>
        </message>
        <message>
            <source>把未抽中的案件加入回访,须写明原因</source>
            <translation>Add a case that was not sampled to the visits; a reason is required</translation>
        </message>
        <message>
            <source>季度</source>
            <translation>Quarter</translation>
        </message>
        <message>
            <source>性质</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>是</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>否</source>
            <translation>No</translation>
        </message>
        <message>
            <source>手工</source>
            <translation>By hand</translation>
        </message>
        <message>
            <source>系统</source>
            <translation>System</translation>
        </message>
        <message>
            <source>回访率低于100%时由系统在办结时随机抽样,事先无法知道哪件会被抽中;落后于目标时抽中机会提高,并从本季度未抽中的案件中随机补抽,季末保证达到目标。手工取消回访使抽样低于目标时,系统随机抽取替换案件(记录原因)。计划人员可把未抽中的案件手工加入(记录姓名和原因)。</source>
            <translation>Below a 100% visit rate the program draws the sample at random when a case is handled: nobody can know beforehand which case will be chosen. Behind the target the chance rises and a catch-up is drawn at random among the quarter's cases not chosen, so the target is met by the quarter's end. A visit dropped by hand that takes the sample below the target is replaced by a random draw (with the reason). The planner may add a case left out (name and reason recorded).</translation>
        </message>
        <message>
            <source>替换 {0}</source>
            <translation>Replaces {0}</translation>
        </message>
        <message>
            <source>可回访的办结 {0} 件,抽中 {1} 件,回访率 {2},目标 {3}(须 {4} 件)</source>
            <translation>{0} visitable cases handled, {1} chosen, visit rate {2}, target {3} ({4} needed)</translation>
        </message>
        <message>
            <source>;替换 {0} 件</source>
            <translation>; {0} replaced</translation>
        </message>
        <message>
            <source>;尚差 {0} 件</source>
            <translation>; {0} short</translation>
        </message>
        <message>
            <source>{0}({1} 至 {2})没有办结的{3}案件,目标 {4}</source>
            <translation>{0} ({1} to {2}): no {3} cases resolved, target {4}</translation>
        </message>
        <message>
            <source>匿名案件没有可回访的业主,不能加入回访。</source>
            <translation>An anonymous case has no owner to visit; it cannot be added.</translation>
        </message>
        <message>
            <source>业主只要求书面答复,不回访:请在案件窗口附上复函。</source>
            <translation>The owner asked only for a written reply: no visit. Attach the reply letter in the case window.</translation>
        </message>
        <message>
            <source>{0} 已手工加入回访,{1} 前回访</source>
            <translation>{0} added to the visits by hand, visit before {1}</translation>
        </message>
        <message>
            <source>手工加入回访</source>
            <translation>Add to visits by hand</translation>
        </message>
        <message>
            <source>把 {0}({1})加入回访。请写明原因(如业主曾多次反映、领导交办)。</source>
            <translation>Add {0} ({1}) to the visits. Please give the reason (e.g. the owner raised it several times, asked by management).</translation>
        </message>
    </context>
    <context>
        <name>ScanImportDialog</name>
        <message>
            <source>导入扫描件</source>
            <translation>Import scans</translation>
        </message>
        <message>
            <source>选择扫描仪生成的 PDF,或手机拍的照片(JPEG/PNG)。程序读取每页上的二维码(表单编号),把该页附到对应编号的回访记录表上;回访结果已录入的表同时记为交回。</source>
            <translation>Choose the scanner's PDF or photos taken with a phone (JPEG/PNG). The program reads the QR code (the form number) on each page and attaches the page to the visit record form with that number; a form whose visit result is already entered is marked returned as well.</translation>
        </message>
        <message>
            <source>选择文件…</source>
            <translation>Choose file…</translation>
        </message>
        <message>
            <source>尚未选择文件</source>
            <translation>No file chosen yet</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>选中左边的一页查看图片</source>
            <translation>Select a page on the left to see its picture</translation>
        </message>
        <message>
            <source>看图输入表上印的编号,如 HF-2026-000123</source>
            <translation>Type the number printed on the form, e.g. HF-2026-000123</translation>
        </message>
        <message>
            <source>附到此编号</source>
            <translation>Attach to this number</translation>
        </message>
        <message>
            <source>不是回访记录表,删除此页</source>
            <translation>Not a form: delete this page</translation>
        </message>
        <message>
            <source>表单编号</source>
            <translation>Form number</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>选择扫描件</source>
            <translation>Choose scans</translation>
        </message>
        <message>
            <source> 等 {0} 个文件</source>
            <translation> and others, {0} files</translation>
        </message>
        <message>
            <source>正在检查文件…</source>
            <translation>Checking the files…</translation>
        </message>
        <message>
            <source>读取扫描件时出错,已读的页面都已保存。详情见日志。</source>
            <translation>Reading the scans went wrong; the pages read so far are saved. The log has the details.</translation>
        </message>
        <message>
            <source>正在取消:读完当前这一页就停,已读的页面都已保存…</source>
            <translation>Cancelling: stopping after the current page; the pages read so far are saved…</translation>
        </message>
        <message>
            <source>共 {0} 页,正在读取…</source>
            <translation>{0} pages, reading…</translation>
        </message>
        <message>
            <source>这一页没有保存成功(详情见日志),请稍后再导入这一页</source>
            <translation>This page was not saved (see the log). Please import it again later.</translation>
        </message>
        <message>
            <source>完成。</source>
            <translation>Done.</translation>
        </message>
        <message>
            <source>已取消。</source>
            <translation>Cancelled.</translation>
        </message>
        <message>
            <source>{0}
第 {1} 页</source>
            <translation>{0}
page {1}</translation>
        </message>
        <message>
            <source>待手工匹配的页({0})</source>
            <translation>Pages to match by hand ({0})</translation>
        </message>
        <message>
            <source>没有待手工匹配的页</source>
            <translation>No pages waiting to be matched by hand</translation>
        </message>
        <message>
            <source>{0} 第 {1} 页,{2} 由 {3} 导入。{4}</source>
            <translation>{0} page {1}, imported {2} by {3}. {4}</translation>
        </message>
        <message>
            <source>{0} 第 {1} 页已附到 {2}。</source>
            <translation>{0} page {1} is attached to {2}. </translation>
        </message>
        <message>
            <source>已删除 {0} 第 {1} 页</source>
            <translation>Deleted {0} page {1}</translation>
        </message>
    </context>
    <context>
        <name>ScanViewerDialog</name>
        <message>
            <source>扫描件 — {0}</source>
            <translation>Scans — {0}</translation>
        </message>
        <message>
            <source>{0} 第 {1} 页
{2:%Y-%m-%d} 由 {3} 导入</source>
            <translation>{0} page {1}
read in {2:%Y-%m-%d} by {3}</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>这一页的图片已损坏,无法显示。</source>
            <translation>The picture of this page is damaged and cannot be shown.</translation>
        </message>
    </context>
    <context>
        <name>SentDialog</name>
        <message>
            <source>登记发出 — {0}</source>
            <translation>Record as sent — {0}</translation>
        </message>
        <message>
            <source>登记</source>
            <translation>Record</translation>
        </message>
        <message>
            <source>(按发出时间计算)。</source>
            <translation> (counted from when it is sent).</translation>
        </message>
        <message>
            <source>发出方式(&amp;M)</source>
            <translation>Sent by &amp;means of</translation>
        </message>
        <message>
            <source>发出时间(&amp;A)</source>
            <translation>Sent &amp;at</translation>
        </message>
        <message>
            <source>经办人(&amp;B)</source>
            <translation>Handled &amp;by</translation>
        </message>
    </context>
    <context>
        <name>Session</name>
        <message>
            <source>备份失败:{0}</source>
            <translation>Backup failed: {0}</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>设置</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>类别</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>顺序即登记表中的顺序。改名或删除只影响今后的登记,已登记的案件保留原类别。</source>
            <translation>The order is the order in the intake form. Renaming or deleting affects only future intakes; registered cases keep their category.</translation>
        </message>
        <message>
            <source>渠道</source>
            <translation>Channel</translation>
        </message>
        <message>
            <source>顺序即登记表中的顺序。“夜间值班”用于夜班记录转来的案件,建议保留。</source>
            <translation>The order is the order in the intake form. "夜间值班" (night duty) is used for cases from the night log; better keep it.</translation>
        </message>
        <message>
            <source>期限</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>部门</source>
            <translation>Department</translation>
        </message>
        <message>
            <source>节假日</source>
            <translation>Holidays</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>“保存”存下期限、类别和渠道;部门和节假日的修改已即时生效。</source>
            <translation>"Save" stores deadlines, categories and channels; department and holiday changes are already in effect.</translation>
        </message>
        <message>
            <source>语言 / Language:</source>
            <translation>语言 / Language:</translation>
        </message>
        <message>
            <source>本机适用,重新启动回音后生效。</source>
            <translation>For this PC; takes effect when Huiyin is restarted.</translation>
        </message>
        <message>
            <source>未保存,请改正:
%1</source>
            <translation>Not saved, please correct:
%1</translation>
        </message>
    </context>
    <context>
        <name>SignDialog</name>
        <message>
            <source>{0} · {1}{2} · {3}派</source>
            <translation>{0} · {1}{2} · dispatched {3}</translation>
        </message>
        <message>
            <source>签收人姓名</source>
            <translation>Name of recipient</translation>
        </message>
        <message>
            <source>联系单(&amp;S)</source>
            <translation>Work order (&amp;S)</translation>
        </message>
        <message>
            <source>签收人(&amp;N)</source>
            <translation>Signed for &amp;by</translation>
        </message>
        <message>
            <source>没有待签收的联系单</source>
            <translation>No work order is waiting to be signed for</translation>
        </message>
    </context>
    <context>
        <name>SignOutDialog</name>
        <message>
            <source>领用 {0}</source>
            <translation>Take out {0}</translation>
        </message>
        <message>
            <source>领用</source>
            <translation>Take out</translation>
        </message>
        <message>
            <source>(请选择)</source>
            <translation>(please choose)</translation>
        </message>
        <message>
            <source>如 TS-2026-00042 报修·水电,或 季度巡访 3 栋</source>
            <translation>e.g. TS-2026-00042 repair · plumbing, or quarterly round building 3</translation>
        </message>
        <message>
            <source>表单编号</source>
            <translation>Form number</translation>
        </message>
        <message>
            <source>领用人</source>
            <translation>Taken by</translation>
        </message>
        <message>
            <source>回访事项</source>
            <translation>Visit</translation>
        </message>
        <message>
            <source>备注</source>
            <translation>Note</translation>
        </message>
    </context>
    <context>
        <name>SignatureDialog</name>
        <message>
            <source>客户签名</source>
            <translation>Customer's signature</translation>
        </message>
        <message>
            <source>签名人姓名</source>
            <translation>Name of the signer</translation>
        </message>
        <message>
            <source>请在下方白色区域内签名(手指、触控笔或鼠标均可)。写错了可“撤销”上一笔或“清除”重签。</source>
            <translation>Sign in the white area below (finger, stylus or mouse). Use "Undo" for the last stroke or "Clear" to start again.</translation>
        </message>
        <message>
            <source>签名人</source>
            <translation>Signer</translation>
        </message>
        <message>
            <source>身份</source>
            <translation>Capacity</translation>
        </message>
        <message>
            <source>清除</source>
            <translation>Clear</translation>
        </message>
        <message>
            <source>撤销</source>
            <translation>Undo</translation>
        </message>
        <message>
            <source>确定</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>请填写签名人姓名</source>
            <translation>Please enter the signer's name</translation>
        </message>
    </context>
    <context>
        <name>SignatureField</name>
        <message>
            <source>签名…</source>
            <translation>Sign…</translation>
        </message>
        <message>
            <source>清除</source>
            <translation>Clear</translation>
        </message>
        <message>
            <source>未签名</source>
            <translation>Not signed</translation>
        </message>
        <message>
            <source>{0}:{1}</source>
            <translation>{0}: {1}</translation>
        </message>
        <message>
            <source>重签…</source>
            <translation>Sign again…</translation>
        </message>
    </context>
    <context>
        <name>SignaturePad</name>
        <message>
            <source>签名板</source>
            <translation>Signature pad</translation>
        </message>
        <message>
            <source>签名</source>
            <translation>Signature</translation>
        </message>
    </context>
    <context>
        <name>SignatureSection</name>
        <message>
            <source>客户签名</source>
            <translation>Customer's signature</translation>
        </message>
        <message>
            <source>回访人签名</source>
            <translation>Visitor's signature</translation>
        </message>
        <message>
            <source>第二回访人签名</source>
            <translation>Second visitor's signature</translation>
        </message>
        <message>
            <source>或:客户已在纸质《回访记录表》上签字</source>
            <translation>Or: the customer signed the paper visit record form</translation>
        </message>
        <message>
            <source>选择或输入表上印的编号 NO.</source>
            <translation>Choose or type the NO. printed on the form</translation>
        </message>
        <message>
            <source>电话回访无需客户签名,记录中注明“电话回访”。</source>
            <translation>Phone visits need no customer signature; the record says "phone visit".</translation>
        </message>
        <message>
            <source>客户</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>回访人</source>
            <translation>Visitor</translation>
        </message>
        <message>
            <source>第二回访人</source>
            <translation>Second visitor</translation>
        </message>
        <message>
            <source>回访记录表编号</source>
            <translation>Visit record form number</translation>
        </message>
        <message>
            <source>台账中没有本次回访可用的表(须为本次回访打印,或由回访人领用)</source>
            <translation>The ledger has no form for this visit (one printed for it, or a blank one signed out by the visitor)</translation>
        </message>
        <message>
            <source>可选 {0} 张</source>
            <translation>{0} to choose from</translation>
        </message>
        <message>
            <source>本类回访无需客户签名。</source>
            <translation>This kind of visit needs no customer signature.</translation>
        </message>
        <message>
            <source>&lt;b&gt;上门回访须客户签名:&lt;/b&gt;请客户在屏幕上签名,或在纸质回访记录表上签字并填写表号。</source>
            <translation>&lt;b&gt;Home visits need the customer's signature:&lt;/b&gt; ask the customer to sign on screen, or to sign the paper visit record form and enter its number.</translation>
        </message>
        <message>
            <source>本次为电话回访:无需客户签名,记录为“电话回访”。</source>
            <translation>This is a phone visit: no customer signature needed; recorded as "phone visit".</translation>
        </message>
        <message>
            <source>上门回访须客户签名;电话回访无需签名。</source>
            <translation>Home visits need the customer's signature; phone visits do not.</translation>
        </message>
    </context>
    <context>
        <name>StaffDialog</name>
        <message>
            <source>人员</source>
            <translation>Staff</translation>
        </message>
        <message>
            <source>显示已停用人员</source>
            <translation>Show deactivated staff</translation>
        </message>
        <message>
            <source>请选择</source>
            <translation>Please choose</translation>
        </message>
        <message>
            <source>手机或座机,如 13812345678</source>
            <translation>Mobile or landline, e.g. 13812345678</translation>
        </message>
        <message>
            <source>楼栋,用逗号分开,如 1,2,5</source>
            <translation>Buildings, comma separated, e.g. 1,2,5</translation>
        </message>
        <message>
            <source>不设则此人不能登录</source>
            <translation>Without it this person cannot log in</translation>
        </message>
        <message>
            <source>新增人员</source>
            <translation>New staff member</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>停用</source>
            <translation>Deactivate</translation>
        </message>
        <message>
            <source>解除锁定</source>
            <translation>Unlock</translation>
        </message>
        <message>
            <source>此人密码输错太多次被锁定;解除后可立即重新登录</source>
            <translation>Locked out after too many wrong passwords; once unlocked they can log in again at once</translation>
        </message>
        <message>
            <source>物管员按负责楼栋自动安排回访。部门人员如只作派工对象,可不设登录名。人员不会被删除:离职请停用,原有记录保留。</source>
            <translation>Stewards get visits assigned by their buildings. Department staff who are only dispatched to need no login. Staff are never deleted: deactivate those who leave; their records stay.</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>在用</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>已停用</source>
            <translation>Deactivated</translation>
        </message>
        <message>
            <source>(无)</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>%1(已停用)</source>
            <translation>%1 (deactivated)</translation>
        </message>
        <message>
            <source>至少 6 位;不设登录名可留空</source>
            <translation>At least 6 characters; leave empty when there is no login</translation>
        </message>
        <message>
            <source>编辑:%1</source>
            <translation>Edit: %1</translation>
        </message>
        <message>
            <source>留空则不修改</source>
            <translation>Leave empty to keep</translation>
        </message>
        <message>
            <source>重新启用</source>
            <translation>Reactivate</translation>
        </message>
        <message>
            <source>已解除锁定:%1,可以重新登录</source>
            <translation>Unlocked: %1 can log in again</translation>
        </message>
        <message>
            <source>已保存:%1</source>
            <translation>Saved: %1</translation>
        </message>
        <message>
            <source>已重新启用:%1</source>
            <translation>Reactivated: %1</translation>
        </message>
        <message>
            <source>已停用:%1</source>
            <translation>Deactivated: %1</translation>
        </message>
    </context>
    <context>
        <name>StatsWindow</name>
        <message>
            <source>统计分析</source>
            <translation>Statistics and analysis</translation>
        </message>
        <message>
            <source> 年</source>
            <translation> </translation>
        </message>
        <message>
            <source>{0}月</source>
            <translation>Month {0}</translation>
        </message>
        <message>
            <source>第{0}季度</source>
            <translation>Q{0}</translation>
        </message>
        <message>
            <source>至</source>
            <translation>to</translation>
        </message>
        <message>
            <source>计算</source>
            <translation>Calculate</translation>
        </message>
        <message>
            <source>导出 PDF…</source>
            <translation>Export PDF…</translation>
        </message>
        <message>
            <source>导出 Excel…</source>
            <translation>Export Excel…</translation>
        </message>
        <message>
            <source>统计期间</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>选择期间后按“计算”。</source>
            <translation>Choose a period and click "Calculate".</translation>
        </message>
        <message>
            <source>回访统计表</source>
            <translation>Visit statistics</translation>
        </message>
        <message>
            <source>投诉分析</source>
            <translation>Complaint analysis</translation>
        </message>
        <message>
            <source>处理情况</source>
            <translation>Handling</translation>
        </message>
        <message>
            <source>纠正预防</source>
            <translation>Corrective and preventive</translation>
        </message>
        <message>
            <source>人员</source>
            <translation>Staff</translation>
        </message>
        <message>
            <source>改进措施</source>
            <translation>Improvements</translation>
        </message>
        <message>
            <source>打印</source>
            <translation>Print</translation>
        </message>
        <message>
            <source>正在生成统计分析报告…</source>
            <translation>Making the analysis report…</translation>
        </message>
        <message>
            <source>无法生成报告:{0}</source>
            <translation>Could not make the report: {0}</translation>
        </message>
        <message>
            <source>正在写入 {0}…</source>
            <translation>Writing {0}…</translation>
        </message>
        <message>
            <source>导出 PDF 失败:{0}</source>
            <translation>PDF export failed: {0}</translation>
        </message>
        <message>
            <source>正在写入 Excel 文件 {0}…</source>
            <translation>Writing the Excel file {0}…</translation>
        </message>
        <message>
            <source>导出 Excel 失败:{0}</source>
            <translation>Excel export failed: {0}</translation>
        </message>
        <message>
            <source>打印…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <source>正在计算 {0}…</source>
            <translation>Calculating {0}…</translation>
        </message>
        <message>
            <source>统计失败:{0}</source>
            <translation>Statistics failed: {0}</translation>
        </message>
        <message>
            <source>{0}({1} 至 {2},截至 {3})  ·  对比上期同期 {4}({5} 至 {6},前 {7} 天)</source>
            <translation>{0} ({1} to {2}, as of {3})  ·  compared with the same days of {4} ({5} to {6}, first {7} days)</translation>
        </message>
        <message>
            <source>{0}({1} 至 {2})  ·  对比上期 {3}</source>
            <translation>{0} ({1} to {2})  ·  compared with {3}</translation>
        </message>
        <message>
            <source>改进措施保存失败:{0}</source>
            <translation>Could not save the improvements: {0}</translation>
        </message>
        <message>
            <source>改进措施已保存。</source>
            <translation>Improvements saved.</translation>
        </message>
        <message>
            <source>回访统计分析_{0}</source>
            <translation>Visit statistics_{0}</translation>
        </message>
        <message>
            <source>导出 PDF</source>
            <translation>Export PDF</translation>
        </message>
        <message>
            <source>已导出 PDF:{0}</source>
            <translation>Exported PDF: {0}</translation>
        </message>
        <message>
            <source>导出 Excel</source>
            <translation>Export Excel</translation>
        </message>
        <message>
            <source>已导出 Excel:{0}</source>
            <translation>Exported Excel: {0}</translation>
        </message>
        <message>
            <source>{0} 小时</source>
            <translation>{0} h</translation>
        </message>
        <message>
            <source>持平</source>
            <translation>No change</translation>
        </message>
        <message>
            <source>{0} {1} 个百分点</source>
            <translation>{0} {1} percentage points</translation>
        </message>
    </context>
    <context>
        <name>SubjectSection</name>
        <message>
            <source>回访对象</source>
            <translation>Visited party</translation>
        </message>
        <message>
            <source>回访类型</source>
            <translation>Visit type</translation>
        </message>
        <message>
            <source>房号</source>
            <translation>Room</translation>
        </message>
        <message>
            <source>回访的案件</source>
            <translation>Case visited</translation>
        </message>
        <message>
            <source>案件编号</source>
            <translation>Case no.</translation>
        </message>
        <message>
            <source>(原编号 {0})</source>
            <translation> (formerly {0})</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>客户</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>性质·程度</source>
            <translation>Kind · severity</translation>
        </message>
        <message>
            <source>类别</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>办结时间</source>
            <translation>Resolved at</translation>
        </message>
        <message>
            <source>责任部门</source>
            <translation>Responsible department</translation>
        </message>
        <message>
            <source>投诉内容</source>
            <translation>Complaint</translation>
        </message>
        <message>
            <source>内容</source>
            <translation>Content</translation>
        </message>
        <message>
            <source>处理结果</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>显示电话</source>
            <translation>Show phone</translation>
        </message>
        <message>
            <source>显示完整号码(每次显示都会记录查看人和时间)</source>
            <translation>Show the full number (each showing is logged with who and when)</translation>
        </message>
        <message>
            <source>您的角色不能查看完整电话</source>
            <translation>Your role cannot see full phone numbers</translation>
        </message>
    </context>
    <context>
        <name>SurveyEntryDialog</name>
        <message>
            <source>录入答卷</source>
            <translation>Type in answers</translation>
        </message>
        <message>
            <source>调查表编号</source>
            <translation>Questionnaire number</translation>
        </message>
        <message>
            <source>可多选,用逗号分隔</source>
            <translation>Several allowed, separated by commas</translation>
        </message>
        <message>
            <source>每项输入一个数字:1 是第一个选项(如“很满意”),不答的留空。Tab 到下一项,回车保存并开始下一份。</source>
            <translation>One digit per question: 1 is the first choice (e.g. Very satisfied); leave unanswered ones empty. Tab moves on, Enter saves and starts the next.</translation>
        </message>
        <message>
            <source>保存并录下一份</source>
            <translation>Save and next</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>本次调查没有第 {0} 号调查表,请核对编号。</source>
            <translation>This survey has no questionnaire {0}: check the number.</translation>
        </message>
        <message>
            <source>第 {0} 号已保存(本次共 {1} 份)。</source>
            <translation>No. {0} saved ({1} this time).</translation>
        </message>
    </context>
    <context>
        <name>SurveyPage</name>
        <message>
            <source>顾客满意度调查</source>
            <translation>Customer satisfaction survey</translation>
        </message>
        <message>
            <source>每半年管理评审前调查一次:年中抽样,年底普查。计划经营运部经理批准后打印编号调查表;收回的调查表扫描导入,程序自动读取勾选,拿不准的由您看图核对。</source>
            <translation>A survey before each half-yearly management review: a sample at mid-year, a census at year end. Once the operations manager approves the plan, print the numbered questionnaires; scan the returned ones and the program reads the ticks, leaving to you, with the picture, any it is not sure of.</translation>
        </message>
        <message>
            <source>回收率 %p%</source>
            <translation>Returned %p%</translation>
        </message>
        <message>
            <source>取消读取</source>
            <translation>Stop reading</translation>
        </message>
        <message>
            <source>新建计划…</source>
            <translation>New plan…</translation>
        </message>
        <message>
            <source>修改计划…</source>
            <translation>Edit plan…</translation>
        </message>
        <message>
            <source>批准</source>
            <translation>Approve</translation>
        </message>
        <message>
            <source>打印调查表…</source>
            <translation>Print questionnaires…</translation>
        </message>
        <message>
            <source>加印空白表…</source>
            <translation>Print blank ones…</translation>
        </message>
        <message>
            <source>导入扫描件…</source>
            <translation>Import scans…</translation>
        </message>
        <message>
            <source>录入答卷…</source>
            <translation>Type in answers…</translation>
        </message>
        <message>
            <source>核对…</source>
            <translation>Check…</translation>
        </message>
        <message>
            <source>调查报告…</source>
            <translation>Survey report…</translation>
        </message>
        <message>
            <source>调查表内容…</source>
            <translation>Questionnaire…</translation>
        </message>
        <message>
            <source>纠正措施…</source>
            <translation>Corrective actions…</translation>
        </message>
        <message>
            <source>读不出的页…</source>
            <translation>Unreadable pages…</translation>
        </message>
        <message>
            <source>结束调查</source>
            <translation>End survey</translation>
        </message>
        <message>
            <source>计划:</source>
            <translation>Plan:</translation>
        </message>
        <message>
            <source>收回:</source>
            <translation>Collect:</translation>
        </message>
        <message>
            <source>{0}/{1}({2:.0f}%)</source>
            <translation>{0}/{1} ({2:.0f}%)</translation>
        </message>
        <message>
            <source>还没有调查计划。点“新建计划”开始。</source>
            <translation>No survey plan yet. Click "New plan" to start.</translation>
        </message>
        <message>
            <source>发放 {0} 份,收回 {1} 份,回收率 {2:.1f}%(目标 {3:g}%,{4})。</source>
            <translation>{0} handed out, {1} returned: {2:.1f}% (target {3:g}%, {4}).</translation>
        </message>
        <message>
            <source>已达到</source>
            <translation>met</translation>
        </message>
        <message>
            <source>未达到</source>
            <translation>not met</translation>
        </message>
        <message>
            <source>有 {0} 处待核对或录入。</source>
            <translation> {0} answers to check or type in.</translation>
        </message>
        <message>
            <source>有 {0} 页读不出,请点“读不出的页”看图处理。</source>
            <translation> {0} pages could not be read: open "Unreadable pages" to handle them from the picture.</translation>
        </message>
        <message>
            <source>计划已保存,请营运部经理批准后打印调查表。</source>
            <translation>Plan saved. Print the questionnaires once the operations manager has approved it.</translation>
        </message>
        <message>
            <source>调查表内容已保存。</source>
            <translation>The questionnaire is saved.</translation>
        </message>
        <message>
            <source>结束后不能再导入或录入答卷,报告仍可生成。确定结束“{0}”吗?</source>
            <translation>Once ended, no more answers can be imported or typed in; the report can still be made. End "{0}"?</translation>
        </message>
        <message>
            <source>批准调查计划</source>
            <translation>Approve the survey plan</translation>
        </message>
        <message>
            <source>批准后调查表冻结,不能再修改。确定批准“{0}”吗?</source>
            <translation>Once approved, the questionnaire cannot be changed. Approve "{0}"?</translation>
        </message>
        <message>
            <source>已批准,现在可以打印调查表。</source>
            <translation>Approved: the questionnaires can be printed now.</translation>
        </message>
        <message>
            <source>加印空白表</source>
            <translation>Print blank questionnaires</translation>
        </message>
        <message>
            <source>加印几份编号空白调查表?</source>
            <translation>How many numbered blank questionnaires?</translation>
        </message>
        <message>
            <source>保存调查表 PDF</source>
            <translation>Save the questionnaires as PDF</translation>
        </message>
        <message>
            <source>PDF 文件 (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>正在生成 {0} 份调查表…</source>
            <translation>Making {0} survey sheets…</translation>
        </message>
        <message>
            <source>调查表</source>
            <translation>Questionnaire</translation>
        </message>
        <message>
            <source>已保存 {0} 份调查表到 {1},请用 A4 纸打印(可双面)。</source>
            <translation>{0} questionnaires saved to {1}. Print them on A4 (both sides is fine).</translation>
        </message>
        <message>
            <source>正在准备调查表…</source>
            <translation>Preparing the survey sheets…</translation>
        </message>
        <message>
            <source>选择扫描件</source>
            <translation>Choose scans</translation>
        </message>
        <message>
            <source>正在读取扫描件…</source>
            <translation>Reading the scans…</translation>
        </message>
        <message>
            <source>读取扫描件时出错,已读的页面都已保存。详情见日志。</source>
            <translation>Reading the scans went wrong; the pages read so far are saved. The log has the details.</translation>
        </message>
        <message>
            <source>已读 {0} / {1} 页</source>
            <translation>Read {0} / {1} pages</translation>
        </message>
        <message>
            <source>读取 {0} 页:已读取 {1},待核对 {2},重复 {3},空白 {4},未读或拒绝 {5}。</source>
            <translation>{0} pages: {1} read, {2} to check, {3} duplicates, {4} blank, {5} not read or refused.</translation>
        </message>
        <message>
            <source>已取消,读完的页面都已保存。</source>
            <translation>Stopped; the pages read so far are saved. </translation>
        </message>
        <message>
            <source>保存调查报告</source>
            <translation>Save the survey report</translation>
        </message>
        <message>
            <source>{0}报告.pdf</source>
            <translation>{0} report.pdf</translation>
        </message>
        <message>
            <source>正在生成调查报告…</source>
            <translation>Making the survey report…</translation>
        </message>
        <message>
            <source>正在写入统计表…</source>
            <translation>Writing the statistics table…</translation>
        </message>
        <message>
            <source>调查报告</source>
            <translation>Survey report</translation>
        </message>
        <message>
            <source>报告已保存:{0},统计表:{1}。</source>
            <translation>Report saved: {0}; figures: {1}.</translation>
        </message>
        <message>
            <source>还有 {0} 处待核对,未计入报告。</source>
            <translation> {0} answers still to check are not in the report.</translation>
        </message>
        <message>
            <source>正在统计调查结果…</source>
            <translation>Counting the survey results…</translation>
        </message>
    </context>
    <context>
        <name>SurveyPlanDialog</name>
        <message>
            <source>调查计划</source>
            <translation>Survey plan</translation>
        </message>
        <message>
            <source>修改调查计划</source>
            <translation>Edit survey plan</translation>
        </message>
        <message>
            <source>如:2026年年中顾客满意度调查</source>
            <translation>e.g. 2026 mid-year satisfaction survey</translation>
        </message>
        <message>
            <source>抽样调查(年中)</source>
            <translation>Sample (mid-year)</translation>
        </message>
        <message>
            <source>全面普查(年底)</source>
            <translation>Census (year end)</translation>
        </message>
        <message>
            <source>问卷调查</source>
            <translation>Questionnaire</translation>
        </message>
        <message>
            <source>上门访谈</source>
            <translation>Door-to-door interview</translation>
        </message>
        <message>
            <source>按比例</source>
            <translation>By rate</translation>
        </message>
        <message>
            <source>逗号分隔,空着表示全部楼栋</source>
            <translation>Separated by commas; empty for all buildings</translation>
        </message>
        <message>
            <source>请业主评定每个项目的重要程度(用于四分图)</source>
            <translation>Ask owners how important each subject is (for the quadrant chart)</translation>
        </message>
        <message>
            <source>(不对比)</source>
            <translation>(no comparison)</translation>
        </message>
        <message>
            <source>印在调查表上的告知:调查目的、发放和回收的方式及时间。空着则用标准文字。</source>
            <translation>The notice printed on the questionnaire: purpose, how and when it is handed out and collected. Empty for the standard text.</translation>
        </message>
        <message>
            <source>调查名称</source>
            <translation>Survey name</translation>
        </message>
        <message>
            <source>调查方式</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>调查方法</source>
            <translation>Method</translation>
        </message>
        <message>
            <source>开始日期</source>
            <translation>Start</translation>
        </message>
        <message>
            <source>结束日期</source>
            <translation>End</translation>
        </message>
        <message>
            <source>抽样比例</source>
            <translation>Sample rate</translation>
        </message>
        <message>
            <source>或抽样户数</source>
            <translation>Or households</translation>
        </message>
        <message>
            <source>意见较多的住户优先抽取</source>
            <translation>Households with most complaints first</translation>
        </message>
        <message>
            <source>参加楼栋</source>
            <translation>Buildings</translation>
        </message>
        <message>
            <source>参加部门</source>
            <translation>Departments</translation>
        </message>
        <message>
            <source>调查组长</source>
            <translation>Survey leader</translation>
        </message>
        <message>
            <source>调查人员</source>
            <translation>Surveyors</translation>
        </message>
        <message>
            <source>回收率目标</source>
            <translation>Return target</translation>
        </message>
        <message>
            <source>与上次调查对比</source>
            <translation>Compare with</translation>
        </message>
        <message>
            <source>注意事项</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>告知业主</source>
            <translation>Notice to owners</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>SurveyReviewDialog</name>
        <message>
            <source>核对答卷</source>
            <translation>Check answers</translation>
        </message>
        <message>
            <source>照图录入业主写的意见,按回车保存;看不清可留空</source>
            <translation>Type the owner's written remark from the picture, Enter saves; leave it empty if unreadable</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>没有待核对的答卷。</source>
            <translation>Nothing to check.</translation>
        </message>
        <message>
            <source>已全部核对完毕,共 {0} 处。</source>
            <translation>All checked: {0} answers.</translation>
        </message>
        <message>
            <source>第 {0} 号调查表 第 {1} 页    还有 {2} 处</source>
            <translation>Questionnaire {0}, page {1}    {2} left</translation>
        </message>
        <message>
            <source>业主写了意见,请照图录入</source>
            <translation>The owner wrote a remark: type it from the picture</translation>
        </message>
        <message>
            <source>回车保存并看下一处。</source>
            <translation>Enter saves and shows the next.</translation>
        </message>
        <message>
            <source>0 未答/作废</source>
            <translation>0 No answer</translation>
        </message>
        <message>
            <source>按数字键选择图中业主选的那一项(从左数);0 表示这一行不算答案。</source>
            <translation>Press the number of the box the owner chose in the picture (from the left); 0: the row is not an answer.</translation>
        </message>
    </context>
    <context>
        <name>TellOwnerDialog</name>
        <message>
            <source>本案没有返工通知。</source>
            <translation>This case has no rework notice.</translation>
        </message>
        <message>
            <source>应于 {0} 前告知业主</source>
            <translation>Tell the owner by {0}</translation>
        </message>
        <message>
            <source>应于 {0} 前告知业主(已超时)</source>
            <translation>Tell the owner by {0} (overdue)</translation>
        </message>
        <message>
            <source>回访不满意后,须告知业主返工何时完成;告知人为当前登录人员。改了完成时间可再次告知。</source>
            <translation>After an unsatisfied visit the owner is told when the rework will be done; the person logged in is recorded as who told. A changed date may be told again.</translation>
        </message>
        <message>
            <source>返工通知</source>
            <translation>Rework notice</translation>
        </message>
        <message>
            <source>告知期限</source>
            <translation>Tell by</translation>
        </message>
        <message>
            <source>返工完成时间(&amp;D)</source>
            <translation>Rework &amp;done by</translation>
        </message>
        <message>
            <source>告知方式(&amp;M)</source>
            <translation>Told by &amp;means of</translation>
        </message>
        <message>
            <source>告知时间(&amp;T)</source>
            <translation>Told a&amp;t</translation>
        </message>
    </context>
    <context>
        <name>Tile</name>
        <message>
            <source>正在读取…</source>
            <translation>Reading…</translation>
        </message>
    </context>
    <context>
        <name>TodayList</name>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>房号 · 业主 · 事由 · 时间</source>
            <translation>Room · owner · matter · when</translation>
        </message>
        <message>
            <source>{0}:{1} 件</source>
            <translation>{0}: {1}</translation>
        </message>
        <message>
            <source>(逾期 {0})</source>
            <translation>({0} overdue)</translation>
        </message>
        <message>
            <source>今天共 {0} 件待回访,{1} 位回访人</source>
            <translation>{0} visits due today, {1} visitors</translation>
        </message>
        <message>
            <source>;其中逾期 {0} 件</source>
            <translation>; {0} of them overdue</translation>
        </message>
        <message>
            <source>今天没有待回访的。</source>
            <translation>No visits due today.</translation>
        </message>
    </context>
    <context>
        <name>TrendChart</name>
        <message>
            <source>{0}年{1}月:{2}({3}/{4})</source>
            <translation>{1}/{0}: {2} ({3}/{4})</translation>
        </message>
        <message>
            <source>暂无数据</source>
            <translation>No data yet</translation>
        </message>
        <message>
            <source>{0}月</source>
            <translation>Month {0}</translation>
        </message>
        <message>
            <source>{0} 次</source>
            <translation>{0} times</translation>
        </message>
        <message>
            <source>无回访</source>
            <translation>No visits</translation>
        </message>
    </context>
    <context>
        <name>TwoVisitorsBox</name>
        <message>
            <source>两人同时回访</source>
            <translation>Visited by two together</translation>
        </message>
        <message>
            <source>业主损失较大(两人同时回访)</source>
            <translation>Large loss (2 visitors)</translation>
        </message>
        <message>
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <source>按回访制度,本案由{0}两人同时回访,回访记录须两人签名。</source>
            <translation>By the visit rules this case is visited by {0} together; both sign the visit record.</translation>
        </message>
        <message>
            <source>本案由一人回访。</source>
            <translation>This case is visited by one person.</translation>
        </message>
    </context>
    <context>
        <name>TypicalDialog</name>
        <message>
            <source>列为本季度分析报告的典型案例</source>
            <translation>List as a typical case in the quarter's analysis report</translation>
        </message>
        <message>
            <source>为什么典型、有什么启示</source>
            <translation>Why it is typical and what it teaches</translation>
        </message>
        <message>
            <source>说明(&amp;N)</source>
            <translation>Note(&amp;N)</translation>
        </message>
    </context>
    <context>
        <name>UnreadPagesDialog</name>
        <message>
            <source>读不出的页</source>
            <translation>Unreadable pages</translation>
        </message>
        <message>
            <source>纸上印的调查表编号</source>
            <translation>Questionnaire number printed on the paper</translation>
        </message>
        <message>
            <source>确定并录入答卷…</source>
            <translation>Confirm and type in the answers…</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>没有读不出的页。</source>
            <translation>No unreadable page.</translation>
        </message>
        <message>
            <source>{0} 第 {1} 页:{2}    还有 {3} 页</source>
            <translation>{0}, page {1}: {2}    {3} left</translation>
        </message>
        <message>
            <source>第 {0} 号已对上。</source>
            <translation>No. {0} matched.</translation>
        </message>
    </context>
    <context>
        <name>VisitCalendarPage</name>
        <message>
            <source>月</source>
            <translation>Month</translation>
        </message>
        <message>
            <source>周</source>
            <translation>Week</translation>
        </message>
        <message>
            <source>日</source>
            <translation>Day</translation>
        </message>
        <message>
            <source>‹ 上一月</source>
            <translation>‹ Previous month</translation>
        </message>
        <message>
            <source>今天</source>
            <translation>Today</translation>
        </message>
        <message>
            <source>下一月 ›</source>
            <translation>Next month ›</translation>
        </message>
        <message>
            <source>当日回访</source>
            <translation>The day's visits</translation>
        </message>
        <message>
            <source>双击打开回访记录;把“计划”中的回访拖到月历的某一天可改期。</source>
            <translation>Double-click to open the visit record; drag a planned visit onto a day of the month to reschedule it.</translation>
        </message>
        <message>
            <source>所选日</source>
            <translation>Selected day</translation>
        </message>
        <message>
            <source>今日回访</source>
            <translation>Visits today</translation>
        </message>
        <message>
            <source>未选回访</source>
            <translation>No visit selected</translation>
        </message>
        <message>
            <source>改期…</source>
            <translation>Reschedule…</translation>
        </message>
        <message>
            <source>打开回访记录</source>
            <translation>Open visit record</translation>
        </message>
        <message>
            <source>‹ 上一{0}</source>
            <translation>‹ Previous {0}</translation>
        </message>
        <message>
            <source>下一{0} ›</source>
            <translation>Next {0} ›</translation>
        </message>
        <message>
            <source>{0}年{1}月</source>
            <translation>{1}/{0}</translation>
        </message>
        <message>
            <source>{0}年{1}月{2}日 – {3}月{4}日</source>
            <translation>{0}-{1}-{2} – {3}-{4}</translation>
        </message>
        <message>
            <source> · 今天</source>
            <translation> · today</translation>
        </message>
        <message>
            <source>{0}年{1}月{2}日 周{3}</source>
            <translation>{0}-{1}-{2} ({3})</translation>
        </message>
        <message>
            <source>{0}月{1}日 周{2}:{3} 件</source>
            <translation>{0}/{1} ({2}): {3} visits</translation>
        </message>
        <message>
            <source>,其中逾期 {0} 件排在最前</source>
            <translation>, the {0} overdue first</translation>
        </message>
        <message>
            <source>未选回访。选中一条可改期或打开记录。</source>
            <translation>No visit selected. Select one to reschedule it or open its record.</translation>
        </message>
        <message>
            <source>已选:{0}</source>
            <translation>Selected: {0}</translation>
        </message>
        <message>
            <source>未指定</source>
            <translation>Not assigned</translation>
        </message>
        <message>
            <source>应访 {0}</source>
            <translation>Due {0}</translation>
        </message>
        <message>
            <source>这条回访已不存在,请刷新。</source>
            <translation>This visit no longer exists; please refresh.</translation>
        </message>
        <message>
            <source>这次回访已是“{0}”,不能改期。</source>
            <translation>This visit is already "{0}" and cannot be rescheduled.</translation>
        </message>
        <message>
            <source>这条回访已不存在</source>
            <translation>This visit no longer exists</translation>
        </message>
        <message>
            <source>已改期:{0} → {1}</source>
            <translation>Rescheduled: {0} → {1}</translation>
        </message>
    </context>
    <context>
        <name>VisitDatesBox</name>
        <message>
            <source>回访起算日期</source>
            <translation>Dates the visit counts from</translation>
        </message>
        <message>
            <source>登记闭水试验日期…</source>
            <translation>Record the leak test date…</translation>
        </message>
        <message>
            <source>登记合同日期…</source>
            <translation>Record the contract dates…</translation>
        </message>
        <message>
            <source>回访规则:{0}</source>
            <translation>Visit rule: {0}</translation>
        </message>
        <message>
            <source>未登记</source>
            <translation>Not registered</translation>
        </message>
        <message>
            <source>闭水试验日期:{0}</source>
            <translation>Leak test: {0}</translation>
        </message>
        <message>
            <source>{0} 至 {1}</source>
            <translation>{0} to {1}</translation>
        </message>
        <message>
            <source>合同期:{0}</source>
            <translation>Contract: {0}</translation>
        </message>
        <message>
            <source>(登记日期后才安排回访)</source>
            <translation> (the visit is planned once the date is recorded)</translation>
        </message>
        <message>
            <source>您的角色不能做这一步</source>
            <translation>Your role cannot take this step</translation>
        </message>
    </context>
    <context>
        <name>VisitListModel</name>
        <message>
            <source>{0}月{1}日</source>
            <translation>{0}/{1}</translation>
        </message>
        <message>
            <source>预约 {0}月{1}日 {2}</source>
            <translation>Appointment {0}/{1} {2}</translation>
        </message>
        <message>
            <source>{0}月{1}日回访</source>
            <translation>Visited {0}/{1}</translation>
        </message>
        <message>
            <source>应访 {0}月{1}日</source>
            <translation>Due {0}/{1}</translation>
        </message>
        <message>
            <source>回访人:{0}</source>
            <translation>Visitor: {0}</translation>
        </message>
        <message>
            <source>{0} · 应访 {1} · {2}</source>
            <translation>{0} · due {1} · {2}</translation>
        </message>
    </context>
    <context>
        <name>VisitPlanner</name>
        <message>
            <source>逾期 {0} 天</source>
            <translation>{0} days overdue</translation>
        </message>
        <message>
            <source>今天到期</source>
            <translation>Due today</translation>
        </message>
        <message>
            <source>还有 {0} 天</source>
            <translation>{0} days left</translation>
        </message>
    </context>
    <context>
        <name>VisitPlannerPage</name>
        <message>
            <source>回访计划</source>
            <translation>Visit plan</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>待回访</source>
            <translation>Pending visits</translation>
        </message>
        <message>
            <source>抽样</source>
            <translation>Sampling</translation>
        </message>
        <message>
            <source>批量计划</source>
            <translation>Batch plans</translation>
        </message>
        <message>
            <source>社区活动</source>
            <translation>Community activities</translation>
        </message>
    </context>
    <context>
        <name>VisitPolicyDialog</name>
        <message>
            <source>回访制度</source>
            <translation>Visit policy</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>未保存,请改正:
{0}</source>
            <translation>Not saved, please correct:
{0}</translation>
        </message>
    </context>
    <context>
        <name>VisitPolicyEditor</name>
        <message>
            <source>套用预设…</source>
            <translation>Apply a preset…</translation>
        </message>
        <message>
            <source>预设制度</source>
            <translation>Preset policies</translation>
        </message>
        <message>
            <source> 天内</source>
            <translation> days</translation>
        </message>
        <message>
            <source>须签名</source>
            <translation>Signature</translation>
        </message>
        <message>
            <source>类别或细类相符的案件,按细则的天数(和回访率)回访,取第一条相符的细则;从闭水试验起算的细则,在案件登记闭水试验日期后才安排回访。</source>
            <translation>A case whose category or sub-category matches is visited within the sub-rule's days (and at its rate), the first matching sub-rule applying; a sub-rule counted from the leak test plans the visit once the case has its leak test date.</translation>
        </message>
        <message>
            <source>添加细则</source>
            <translation>Add rule</translation>
        </message>
        <message>
            <source>删除细则</source>
            <translation>Delete rule</translation>
        </message>
        <message>
            <source> 小时内</source>
            <translation> hours</translation>
        </message>
        <message>
            <source> 年</source>
            <translation> years</translation>
        </message>
        <message>
            <source>不满意时书面返工通知</source>
            <translation>Written rework notice when dissatisfied within</translation>
        </message>
        <message>
            <source>只为近</source>
            <translation>Plan visits only for cases resolved in the last</translation>
        </message>
        <message>
            <source>办结的案件安排回访</source>
            <translation>days</translation>
        </message>
        <message>
            <source>纸质回访记录表交回</source>
            <translation>Paper visit record forms returned within</translation>
        </message>
        <message>
            <source>归档后保管</source>
            <translation>Keep after filing</translation>
        </message>
        <message>
            <source>社区活动、刊物:回访参与户的</source>
            <translation>Community activities and publications: visit</translation>
        </message>
        <message>
            <source>举办或发行后</source>
            <translation>of the participants, within</translation>
        </message>
        <message>
            <source>由社区文化文员回访</source>
            <translation>after, by the community-culture clerk</translation>
        </message>
        <message>
            <source>当前:{0}</source>
            <translation>Now: {0}</translation>
        </message>
        <message>
            <source>{0}的细则</source>
            <translation>Rules for {0}</translation>
        </message>
        <message>
            <source>套用预设</source>
            <translation>Apply preset</translation>
        </message>
        <message>
            <source>按“{0}”重填全部回访规则?
当前填写的内容将被替换(保存前仍可取消)。</source>
            <translation>Refill all visit rules from "{0}"?
What is filled in now will be replaced (you can still cancel before saving).</translation>
        </message>
        <message>
            <source>套用</source>
            <translation>Apply</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>有误,见下方说明</source>
            <translation>Has errors, see below</translation>
        </message>
    </context>
    <context>
        <name>VisitRecordDialog</name>
        <message>
            <source>确认完成,退回返工</source>
            <translation>Confirm, send back for rework</translation>
        </message>
        <message>
            <source>返回修改</source>
            <translation>Go back and edit</translation>
        </message>
        <message>
            <source>完成回访</source>
            <translation>Complete visit</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>打印回访记录表</source>
            <translation>Print visit record form</translation>
        </message>
        <message>
            <source>这条回访已不存在,请刷新。</source>
            <translation>This visit no longer exists; please refresh.</translation>
        </message>
        <message>
            <source>回访记录 — {0} 第{1}次回访</source>
            <translation>Visit record — {0} visit {1}</translation>
        </message>
        <message>
            <source>案件 {0} 正在返工处理(“{1}”),办结后才能完成本次回访;联系记录可以照常登记。</source>
            <translation>Case {0} is being reworked ("{1}"): this visit can be completed only after it is resolved; contacts can be recorded as usual.</translation>
        </message>
        <message>
            <source>客户签名</source>
            <translation>Customer's signature</translation>
        </message>
        <message>
            <source>本次回访的表 · {0}</source>
            <translation>This visit's form · {0}</translation>
        </message>
        <message>
            <source>空白表 · {0} 领用</source>
            <translation>Blank form · signed out by {0}</translation>
        </message>
        <message>
            <source> · {0} 领用</source>
            <translation> · signed out by {0}</translation>
        </message>
        <message>
            <source>已结束本次回访,记为“{0}”。</source>
            <translation>This visit ended, recorded as "{0}".</translation>
        </message>
        <message>
            <source>已登记:约定 {0} 回电。</source>
            <translation>Recorded: call back at {0}.</translation>
        </message>
        <message>
            <source>有 {0} 处需要改正,见红字。</source>
            <translation>{0} fields need correcting, see the red text.</translation>
        </message>
        <message>
            <source>客户{0}:将退回返工,24小时内书面通知责任人,并安排第{1}次回访。确认完成本次回访?</source>
            <translation>Customer {0}: the case goes back for rework, the responsible person is notified in writing within 24 hours and visit {1} is planned. Complete this visit?</translation>
        </message>
        <message>
            <source>回访已完成。案件已退回返工,返工通知须在 24 小时内送达;已安排第{0}次回访,应于 {1} 前,由{2}{3}回访。</source>
            <translation>Visit completed. The case went back for rework; the rework notice must be delivered within 24 hours. Visit {0} is planned, due before {1}, by {2}{3}.</translation>
        </message>
    </context>
    <context>
        <name>VisitTasks</name>
        <message>
            <source>{0} 天</source>
            <translation>{0} days</translation>
        </message>
        <message>
            <source>{0} 小时</source>
            <translation>{0} h</translation>
        </message>
        <message>
            <source>{0} 分钟</source>
            <translation>{0} min</translation>
        </message>
    </context>
    <context>
        <name>VisitsTab</name>
        <message>
            <source>满意度分布(本期完成的回访)</source>
            <translation>Satisfaction (visits completed in this period)</translation>
        </message>
        <message>
            <source>不满意的回访(双击打开案件)</source>
            <translation>Dissatisfied visits (double-click to open the case)</translation>
        </message>
        <message>
            <source>回访率 = 回访宗数 ÷ 应回访宗数。匿名、只要求书面答复、联系不上/拒访、未到期的不计入应回访;取消回访(计划人员写明原因取消的)也不计入;已作废、已合并的案件不计入处理宗数。回访率条中的竖线为目标;绿色为达标,红色为未达标。</source>
            <translation>Visit rate = cases visited ÷ cases due for a visit. Anonymous, written-reply-only, unreachable/refused and not-yet-due cases are not counted as due, nor are visits the planner cancelled with a reason; voided and merged cases are not counted as handled. The line in the rate bar is the target; green met, red not met.</translation>
        </message>
        <message>
            <source>无目标</source>
            <translation>No target</translation>
        </message>
        <message>
            <source>暂无应回访</source>
            <translation>None due yet</translation>
        </message>
        <message>
            <source>✓ 达标</source>
            <translation>✓ Target met</translation>
        </message>
        <message>
            <source>✗ 未达标</source>
            <translation>✗ Target missed</translation>
        </message>
        <message>
            <source>计划人员写明原因取消的回访(原因见案件的回访抽样记录)</source>
            <translation>Visits the planner cancelled with a reason (see the case's visit sampling record)</translation>
        </message>
        <message>
            <source>应访未访 {0} 件(回访期限已过仍未回访):{1}</source>
            <translation>{0} visits overdue (past their due date, not made): {1}</translation>
        </message>
        <message>
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <source>应访未访:无。</source>
            <translation>Overdue visits: none.</translation>
        </message>
        <message>
            <source>合计</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>(无案件)</source>
            <translation>(no cases)</translation>
        </message>
        <message>
            <source>第{0}次</source>
            <translation>Attempt {0}</translation>
        </message>
    </context>
    <context>
        <name>VoidDialog</name>
        <message>
            <source>作废 {0}</source>
            <translation>Void {0}</translation>
        </message>
        <message>
            <source>作废</source>
            <translation>Void</translation>
        </message>
        <message>
            <source>选择或填写作废原因</source>
            <translation>Choose or enter the reason for voiding</translation>
        </message>
        <message>
            <source>作废的编号留在台账中,不会再使用。</source>
            <translation>Voided numbers stay in the ledger and are never reused.</translation>
        </message>
        <message>
            <source>表单编号</source>
            <translation>Form number</translation>
        </message>
        <message>
            <source>作废原因</source>
            <translation>Void reason</translation>
        </message>
    </context>
    <context>
        <name>WeekView</name>
        <message>
            <source>周{0}</source>
            <translation>{0}</translation>
        </message>
        <message>
            <source> · 今天</source>
            <translation> · today</translation>
        </message>
        <message>
            <source>{0}月{1}日 · {2}件</source>
            <translation>{0}/{1} · {2}</translation>
        </message>
    </context>
    <context>
        <name>Weekday</name>
        <message>
            <source>一</source>
            <translation>Mon</translation>
        </message>
        <message>
            <source>二</source>
            <translation>Tue</translation>
        </message>
        <message>
            <source>三</source>
            <translation>Wed</translation>
        </message>
        <message>
            <source>四</source>
            <translation>Thu</translation>
        </message>
        <message>
            <source>五</source>
            <translation>Fri</translation>
        </message>
        <message>
            <source>六</source>
            <translation>Sat</translation>
        </message>
        <message>
            <source>日</source>
            <translation>Sun</translation>
        </message>
    </context>
    <context>
        <name>WrittenReplyDialog</name>
        <message>
            <source>业主只要求书面答复(办结后不回访,复函附于案件)</source>
            <translation>Written reply only (no visit; the letter goes with the case)</translation>
        </message>
        <message>
            <source>附上复函后才能关闭案件。办结时已决定是否回访,办结后不能再更改。</source>
            <translation>The case closes only once the reply letter is attached. Whether to visit is decided when the case is finished; it cannot be changed after that.</translation>
        </message>
    </context>
    <context>
        <name>app</name>
        <message>
            <source>磁盘(或 U 盘)已满,无法写入。请清理出空间或换一个位置后再试。</source>
            <translation>The disk (or USB stick) is full. Free some space or choose another place, then try again.</translation>
        </message>
        <message>
            <source>没有权限读写“{0}”:文件夹只读,或文件正被其他程序打开。请关闭该文件或换一个位置后再试。</source>
            <translation>No permission to read or write "{0}": the folder is read-only, or another program has the file open. Close the file or choose another place, then try again.</translation>
        </message>
        <message>
            <source>找不到“{0}”:文件可能已被移动或删除,或 U 盘已拔出。</source>
            <translation>Cannot find "{0}": the file may have been moved or deleted, or the USB stick was unplugged.</translation>
        </message>
        <message>
            <source>读写文件“{0}”时出错。请检查磁盘或 U 盘是否正常后再试。</source>
            <translation>Reading or writing "{0}" failed. Check the disk or USB stick, then try again.</translation>
        </message>
        <message>
            <source>数据正被另一项工作(导入、备份或另一个窗口)占用,请稍候再试。</source>
            <translation>The data is busy with other work (an import, a backup or another window). Please try again in a moment.</translation>
        </message>
        <message>
            <source>内存不足。请关闭其他程序后再试。</source>
            <translation>Not enough memory. Close other programs, then try again.</translation>
        </message>
        <message>
            <source>程序遇到一个意外错误。</source>
            <translation>The program hit an unexpected error.</translation>
        </message>
        <message>
            <source>出错了</source>
            <translation>Something went wrong</translation>
        </message>
        <message>
            <source>{0}

已保存的数据不受影响,未保存的表单有草稿。如果问题再次出现,请把日志文件发给维护人员(错误编号 {1}):
{2}</source>
            <translation>{0}

Saved data is not affected; unsaved forms have drafts. If this happens again, send the log file to your maintainer (error reference {1}):
{2}</translation>
        </message>
        <message>
            <source>无法使用数据文件夹</source>
            <translation>Cannot use the data folder</translation>
        </message>
        <message>
            <source>{0}
{1}
请用 --data-dir 指定一个可写的文件夹。</source>
            <translation>{0}
{1}
Use --data-dir to name a folder that can be written to.</translation>
        </message>
        <message>
            <source>回音已在运行</source>
            <translation>Huiyin is already running</translation>
        </message>
        <message>
            <source>数据文件无法打开</source>
            <translation>The data file cannot be opened</translation>
        </message>
        <message>
            <source>{0}

恢复方法:python -m huiyin --data-dir "{1}" --user 管理员登录名 restore 备份文件</source>
            <translation>{0}

To restore: python -m huiyin --data-dir "{1}" --user ADMIN-LOGIN restore BACKUP-FILE</translation>
        </message>
        <message>
            <source>回音</source>
            <translation>Huiyin</translation>
        </message>
    </context>
    <context>
        <name>dialog</name>
        <message>
            <source>{0} — {1}</source>
            <translation>{0} — {1}</translation>
        </message>
        <message>
            <source>案件 {0} · {1} · {2}</source>
            <translation>Case {0} · {1} · {2}</translation>
        </message>
    </context>
</TS>
